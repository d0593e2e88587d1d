#!/usr/bin/env python3
"""A real SMTP relay for the delivery tests (aiosmtpd), and a reader of what it received.

serve: listens on 127.0.0.1 on a free port (written to STORE/port), STARTTLS required with the
given certificate (unless --no-starttls), AUTH required (LOGIN/PLAIN against --user/--password;
every attempt appended to STORE/auth.log, without the password). Every accepted message is saved
as STORE/NNNNN.eml with its envelope in NNNNN.json. Faults, by the recipient's local part:
  reject550.*    RCPT refused 550           busy451.*      RCPT refused 451, always
  busy451once.*  451 the first time only    quota452.*     RCPT refused 452 (quota)
  refuse554.*    554 after the body, not stored
  drop.*         stored, then the connection is dropped before the reply
  slow.*         stored, then the reply waits 3 s
and a sender whose local part starts `refused-sender` is refused 553 at MAIL FROM.

read: prints every stored message as JSON, read back with Python's email module.
"""
import argparse, asyncio, email, email.policy, hashlib, json, os, ssl, sys

def serve(args):
    from aiosmtpd.smtp import SMTP, AuthResult
    store = args.store
    os.makedirs(store, exist_ok=True)
    attempts = {}
    counter = [len([n for n in os.listdir(store) if n.endswith(".json")])]

    def write(path, data):
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.rename(path + ".tmp", path)

    def authenticator(server, session, envelope, mechanism, auth_data):
        login = auth_data.login.decode(errors="replace")
        ok = login == args.user and auth_data.password.decode(errors="replace") == args.password
        with open(os.path.join(store, "auth.log"), "a") as f:
            f.write(f"{mechanism} {login} {'accepted' if ok else 'refused'}\n")
        return AuthResult(success=ok, handled=False)

    def local(address):
        return address.split("@")[0].lower()

    class Handler:
        async def handle_MAIL(self, server, session, envelope, address, mail_options):
            if local(address).startswith("refused-sender"):
                return "553 5.7.1 Sender not allowed"
            envelope.mail_from = address
            return "250 OK"

        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            name = local(address)
            if name.startswith("reject550"):
                return "550 5.1.1 Mailbox unavailable"
            if name.startswith("busy451once"):
                attempts[name] = attempts.get(name, 0) + 1
                if attempts[name] == 1:
                    return "451 4.3.0 Try again later"
            elif name.startswith("busy451"):
                return "451 4.3.0 Try again later"
            if name.startswith("quota452"):
                return "452 4.3.1 Sending quota exceeded"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            names = [local(a) for a in envelope.rcpt_tos]
            if any(n.startswith("refuse554") for n in names):
                return "554 5.6.0 Message refused"
            counter[0] += 1
            base = os.path.join(store, "%05d" % counter[0])
            content = envelope.original_content
            write(base + ".eml", content)
            write(base + ".json", json.dumps({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                                              "sha256": hashlib.sha256(content).hexdigest()}).encode())
            if any(n.startswith("drop") for n in names):
                server.transport.abort()
                return "250 OK"
            if any(n.startswith("slow") for n in names):
                await asyncio.sleep(3)
            return "250 OK"

    context = None
    if not args.no_starttls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    def factory():
        return SMTP(Handler(), hostname="relay.test", tls_context=context, require_starttls=context is not None,
                    auth_required=True, auth_require_tls=context is not None, authenticator=authenticator)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(factory, host="127.0.0.1", port=0))
    port = server.sockets[0].getsockname()[1]
    write(os.path.join(store, "port"), str(port).encode())
    print(f"listening on 127.0.0.1:{port}", file=sys.stderr, flush=True)
    loop.run_forever()

def read(args):
    messages = []
    for name in sorted(n for n in os.listdir(args.store) if n.endswith(".json")):
        envelope = json.load(open(os.path.join(args.store, name)))
        raw = open(os.path.join(args.store, name[:-5] + ".eml"), "rb").read()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        messages.append({
            "file": name[:-5] + ".eml", "envelope": envelope,
            "from": str(message["From"]), "to": [str(a.addr_spec) for a in message["To"].addresses],
            "cc": message["Cc"], "bcc": message["Bcc"], "subject": str(message["Subject"]),
            "message_id": str(message["Message-ID"]), "date": str(message["Date"]),
            "text": text.get_content() if text else None, "html": html.get_content() if html else None,
            "attachments": [{"name": part.get_filename(), "type": part.get_content_type(),
                             "sha256": hashlib.sha256(part.get_content()).hexdigest()}
                            for part in message.iter_attachments()],
            "defects": [str(d) for d in message.defects],
            "longest_line": max(len(l) for l in raw.split(b"\r\n")),
        })
    json.dump(messages, sys.stdout)

parser = argparse.ArgumentParser()
commands = parser.add_subparsers(dest="command", required=True)
s = commands.add_parser("serve")
s.add_argument("--store", required=True)
s.add_argument("--cert")
s.add_argument("--key")
s.add_argument("--user", required=True)
s.add_argument("--password", required=True)
s.add_argument("--no-starttls", action="store_true")
r = commands.add_parser("read")
r.add_argument("--store", required=True)
args = parser.parse_args()
serve(args) if args.command == "serve" else read(args)
