using System.Net;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests;

/// <summary>An administrator loads a year's holiday notice; open cases' due dates follow.</summary>
public sealed class HolidayNoticeTests
{
    // A hypothetical 2027 notice: 元旦 rests 1–4 January, with Saturday 9 January worked.
    private const string Notice2027 = """
        { "year": 2027, "notices": [ { "number": "国办发明电〔2026〕99号", "title": "测试通知", "date": "2026-11-20" } ],
          "holidays": [
            { "key": "new_year", "name": "元旦", "from": "2027-01-01", "to": "2027-01-04", "work": ["2027-01-09"] },
            { "key": "spring_festival", "name": "春节", "from": "2027-02-05", "to": "2027-02-11", "work": ["2027-02-20"] },
            { "key": "qingming", "name": "清明节", "from": "2027-04-03", "to": "2027-04-05" },
            { "key": "labour_day", "name": "劳动节", "from": "2027-05-01", "to": "2027-05-05" },
            { "key": "dragon_boat", "name": "端午节", "from": "2027-06-09", "to": "2027-06-09" },
            { "key": "mid_autumn", "name": "中秋节", "from": "2027-09-15", "to": "2027-09-15" },
            { "key": "national_day", "name": "国庆节", "from": "2027-10-01", "to": "2027-10-07", "work": ["2027-10-09"] } ] }
        """;

    [DatabaseTheory]
    public async Task LoadNotice_MovesOpenCasesDueDates_AndListsThem(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer, Cases.ValidForm(date: "2026-12-04"));
        Assert.Equal(new DateOnly(2027, 1, 4), await app.WithDbAsync(d => Task.FromResult(d.Cases.Single(c => c.Id == id).DueOn)));
        var before = await officer.Http.GetStringAsync($"/Office/Case/{id}");
        Assert.Contains("【暂定】2027年国务院节假日安排尚未载入", before);
        Assert.Contains("\"provisionalReason\":\"statutory-only\"", await officer.Http.GetStringAsync($"/api/cases/{id}"));

        var admin = await StaffClient.CreateAsync(app, DemoUsers.CountyAdmin);
        var response = await admin.PostFormAsync("/Admin/Calendar", new() { ["Json"] = Notice2027 }, "/Admin/Calendar?handler=Json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"notice-loaded\"", html);
        Assert.Matches("<table id=\"moved-cases\">.*LLWJ-2026-[^<]*</a></td><td>2027-01-04</td><td>2027-01-05</td>", html.ReplaceLineEndings(""));

        Assert.Equal(new DateOnly(2027, 1, 5), await app.WithDbAsync(d => Task.FromResult(d.Cases.Single(c => c.Id == id).DueOn)));
        Assert.Equal(1, await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Count(a => a.Action == "calendar.load-notice"))));
        var after = await officer.Http.GetStringAsync($"/Office/Case/{id}");
        Assert.DoesNotContain("【暂定】2027年", after);
        Assert.Contains("国办发明电〔2026〕99号", after);
        Assert.Contains("\"provisionalReason\":null", await officer.Http.GetStringAsync($"/api/cases/{id}"));

        // The public calculator reads the same calendar.
        var portal = await StaffClient.Anonymous(app).Http.GetStringAsync("/Portal/Deadline?received=2026-12-04&days=20");
        Assert.Contains("id=\"deadline-due\">2027-01-05<", portal);
    }

    [Fact]
    public async Task LoadNotice_MakeUpDayOnWeekdayOrStatutoryDayMissing_IsRefusedAndNothingSaved()
    {
        await using var app = new GongkaiApp();
        var admin = await StaffClient.CreateAsync(app, DemoUsers.CountyAdmin);
        var form = new Dictionary<string, string>
        {
            ["Form.Year"] = "2027", ["Form.Number"] = "国办发明电〔2026〕99号", ["Form.Date"] = "2026-11-20",
            ["Form.Rows[0].Key"] = "new_year", ["Form.Rows[0].Name"] = "元旦", ["Form.Rows[0].From"] = "2027-01-01", ["Form.Rows[0].To"] = "2027-01-01",
            ["Form.Rows[0].Work"] = "2027-01-05",
        };
        var html = await (await admin.PostFormAsync("/Admin/Calendar", form, "/Admin/Calendar?handler=Form")).Content.ReadAsStringAsync();
        Assert.Contains("data-code=\"notice.work-not-weekend\">元旦：调休上班日 2027-01-05（周二）不是周六或周日", html);
        Assert.Contains("data-code=\"notice.statutory-missing\">春节：2027-02-05 是法定节假日", html);
        Assert.Equal(0, await app.WithDbAsync(d => Task.FromResult(d.HolidayNotices.Count())));

        // The form opens pre-filled with the law's dates for the next year.
        var page = await admin.Http.GetStringAsync("/Admin/Calendar");
        Assert.Contains("value=\"2027-02-05\"", page);
    }
}
