// JSONRenderer
