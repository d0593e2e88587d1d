import PMOSurvey
import Testing

/// Dates are stored in small fields; what goes in must come out, hand-checked against Unix time.
@Suite struct SurveyDateTests {
    @Test func componentsRoundTrip() throws {
        let date = try #require(SurveyDate(year: 2015, month: 12, day: 31, secondsOfDay: 86_399))
        #expect((date.year, date.month, date.day, date.secondsOfDay) == (2015, 12, 31, 86_399))
        #expect(SurveyDate(year: 2015, month: 5, day: 27)?.secondsOfDay == nil)
        #expect(SurveyDate(year: 2015, month: 5, day: 27, secondsOfDay: 0)?.secondsOfDay == 0)
    }

    @Test func aTimeOutsideTheDayIsNoDate() {
        #expect(SurveyDate(year: 2015, month: 5, day: 27, secondsOfDay: 86_400) == nil)
        #expect(SurveyDate(year: 2015, month: 5, day: 27, secondsOfDay: -1) == nil)
    }

    @Test func orderPutsAnUntimedDayFirst() throws {
        let day = try #require(SurveyDate(year: 2015, month: 5, day: 27))
        let midnight = try #require(SurveyDate(year: 2015, month: 5, day: 27, secondsOfDay: 0))
        let next = try #require(SurveyDate(year: 2015, month: 5, day: 28))
        #expect(day < midnight && midnight < next && day != midnight)
    }

    @Test func unixTime() {
        // 2015-05-27T10:30:00Z is 1,432,722,600 s: 16,582 days and 37,800 s.
        let date = SurveyDate(unixTime: 1_432_722_600)
        #expect(date.description == "2015-05-27T10:30:00")
        #expect(date.daysSinceEpoch == 16_582)
        #expect(SurveyDate(unixTime: -1).description == "1969-12-31T23:59:59")
    }
}
