using System.Net;
using System.Net.Http.Json;
using Gongkai.Web.Tests.Infrastructure;

namespace Gongkai.Web.Tests;

/// <summary>
/// Double submit (issue 13, defect 6): the rendered form carries an idempotency key, so posting it
/// twice, one after the other or at the same moment, makes one case and both answers lead to it.
/// </summary>
public sealed class SubmissionKeyTests
{
    [DatabaseTheory]
    public async Task PortalApply_SameFormPostedTwice_OneTrackingNumber_BothAnswersPointToIt(Db db)
    {
        await using var app = new GongkaiApp(db);
        var citizen = StaffClient.Anonymous(app);
        var form = await PortalFormAsync(app, citizen);

        var first = await citizen.PostRenderedAsync("/Portal/Apply", form);
        var second = await citizen.PostRenderedAsync("/Portal/Apply", form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await app.WithDbAsync(d => Task.FromResult(d.Cases.Count())));
        Assert.Equal(1, await app.WithDbAsync(d => Task.FromResult(d.AuditEntries.Count(a => a.Action == "portal.apply"))));

        // At the same moment, with a newly rendered form: still one more case, not two.
        var again = await PortalFormAsync(app, citizen);
        var both = await Task.WhenAll(citizen.PostRenderedAsync("/Portal/Apply", again), citizen.PostRenderedAsync("/Portal/Apply", again));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(both[0].Headers.Location, both[1].Headers.Location);
        Assert.NotEqual(first.Headers.Location, both[0].Headers.Location);
        Assert.Equal(2, await app.WithDbAsync(d => Task.FromResult(d.Cases.Count())));
    }

    [DatabaseTheory]
    public async Task OfficeRegister_SameFormPostedTwice_OneCase_SecondAnswerSaysSo(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var form = await OfficeFormAsync(officer);

        var both = await Task.WhenAll(officer.PostRenderedAsync("/Office/Register", form), officer.PostRenderedAsync("/Office/Register", form));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(both[0].Headers.Location, both[1].Headers.Location);
        var third = await officer.PostRenderedAsync("/Office/Register", form);
        Assert.Equal(both[0].Headers.Location, third.Headers.Location);
        Assert.Contains("已经登记过", await officer.Http.GetStringAsync(third.Headers.Location!.ToString()));
        Assert.Equal(1, await app.WithDbAsync(d => Task.FromResult(d.Cases.Count())));
        Assert.Equal(1, await app.WithDbAsync(d => Task.FromResult(d.CaseEvents.Count())));

        // A new form (a new key) registers a new case, even with the same content.
        Assert.NotEqual(both[0].Headers.Location, (await officer.PostRenderedAsync("/Office/Register", await OfficeFormAsync(officer))).Headers.Location);
        Assert.Equal(2, await app.WithDbAsync(d => Task.FromResult(d.Cases.Count())));
    }

    [Fact]
    public async Task OfficeRegister_KeyOfAnotherAgency_DoesNotLeadToItsCase()
    {
        await using var app = new GongkaiApp();
        var health = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var land = await StaffClient.CreateAsync(app, DemoUsers.LandOfficer);
        var form = await OfficeFormAsync(health);
        var mine = await health.PostRenderedAsync("/Office/Register", form);

        var theirs = await OfficeFormAsync(land);
        theirs["SubmissionKey"] = form["SubmissionKey"];
        var other = await land.PostRenderedAsync("/Office/Register", theirs);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.NotEqual(mine.Headers.Location, other.Headers.Location);
        Assert.Equal(2, await app.WithDbAsync(d => Task.FromResult(d.Cases.Count())));
    }

    [Fact]
    public async Task CaseApi_RegisterWithIdempotencyKey_TwiceAtOnce_OneCase()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var body = new Casework.RegistrationForm
        {
            Channel = Domain.Casework.ReceiptChannel.InPerson,
            SubmittedOn = TestDates.Today,
            ApplicantKind = Domain.Casework.ApplicantKind.NaturalPerson,
            ApplicantName = "张三",
            IdKind = Domain.Casework.IdentityDocumentKind.ResidentIdentityCard,
            IdNumber = "371324199001011231",
            Phone = "13900001111",
            Description = "2025年度县级公立医院财政补助资金使用情况",
            DeliveryForm = Domain.Casework.DeliveryForm.Paper,
        };
        async Task<HttpResponseMessage> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "client-retry-0001");
            return await officer.Http.SendAsync(request);
        }

        var both = await Task.WhenAll(Post(), Post());
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(both[0].Headers.Location, both[1].Headers.Location);
        Assert.Equal(1, await app.WithDbAsync(d => Task.FromResult(d.Cases.Count())));
    }

    private static async Task<Dictionary<string, string>> PortalFormAsync(GongkaiApp app, StaffClient citizen)
    {
        var form = await citizen.RenderedFormAsync("/Portal/Apply");
        Assert.Matches("^[0-9a-f]{32}$", form["SubmissionKey"]);
        foreach (var (k, v) in Cases.ValidForm("王公开"))
        {
            form[k] = v;
        }

        form.Remove("Form.Channel");
        form.Remove("Form.SubmittedOn");
        form["AgencyId"] = (await app.WithDbAsync(d => Task.FromResult(d.Agencies.Single(a => a.Code == "LLWJ").Id))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return form;
    }

    private static async Task<Dictionary<string, string>> OfficeFormAsync(StaffClient officer)
    {
        var form = await officer.RenderedFormAsync("/Office/Register");
        Assert.Matches("^[0-9a-f]{32}$", form["SubmissionKey"]);
        foreach (var (k, v) in Cases.ValidForm())
        {
            form[k] = v;
        }

        return form;
    }
}
