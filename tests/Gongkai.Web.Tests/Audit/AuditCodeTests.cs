using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Reports;
using Gongkai.Web.Casework;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Infrastructure;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests.Audit;

/// <summary>
/// The audit trail's action codes: one code per step whoever records it (case page or case API), and a
/// Chinese description for every code the code base can write.
/// </summary>
public sealed partial class AuditCodeTests
{
    [Fact]
    public async Task CaseStep_ByPageAndByApi_WritesTheSameAuditCode()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var byPage = await Cases.RegisterAsync(officer);
        var byApi = await Cases.RegisterAsync(officer, Cases.ValidForm("李四"));
        var today = TestDates.TodayText;

        var page = $"/Office/Case/{byPage}";
        var posted = await officer.PostFormAsync(page, new() { ["version"] = "0", ["date"] = today, ["items"] = "请写明文号" }, page + "?handler=Supplement");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var sent = await officer.Http.PostAsJsonAsync($"/api/cases/{byApi}/events", new
        {
            version = 0,
            @event = new { kind = "supplement_requested", occurredOn = today, recorded = new { by = "x", at = TestDates.Now }, items = "请写明文号" },
        });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var actions = await app.WithDbAsync(d => d.AuditEntries
            .Where(a => a.EntityType == "case" && (a.EntityId == byPage.ToString() || a.EntityId == byApi.ToString()) && a.Action != "case.register")
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditCodes.CaseSupplement, AuditCodes.CaseSupplement], actions);
    }

    [Fact]
    public async Task AuditPage_ShowsActionsAndObjectsInChinese_NotTheirCodes()
    {
        await using var app = new GongkaiApp();
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);
        var sent = await officer.Http.PostAsJsonAsync($"/api/cases/{id}/events", new
        {
            version = 0,
            @event = new { kind = "supplement_requested", occurredOn = TestDates.TodayText, recorded = new { by = "x", at = TestDates.Now }, items = "请写明文号" },
        });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var admin = await StaffClient.CreateAsync(app, DemoUsers.HealthAdmin);
        var html = await admin.Http.GetStringAsync("/Admin/Audit");
        Assert.Contains(">要求补正<", html);
        Assert.Contains(">登记申请<", html);
        Assert.Contains("申请办理", html);
        var text = Tags().Replace(html, " ");
        Assert.DoesNotContain("case.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAuditCode_TheCodeBaseCanWrite_HasAChineseDescription()
    {
        var constants = typeof(AuditCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(constants.Order(StringComparer.Ordinal), AuditCodes.Written.Order(StringComparer.Ordinal));

        // The codes derived from a step: every case event type, every step of the disclosure workflow.
        var caseSteps = typeof(ApplicationEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => CaseService.AuditCodeOf(a.DerivedType)).ToList();
        Assert.Equal(13, caseSteps.Count);
        Assert.Equal(caseSteps.Count, caseSteps.Distinct(StringComparer.Ordinal).Count());
        var disclosureSteps = Enum.GetValues<StepKind>().Select(DisclosureMapping.AuditCode).ToList();
        var reportSteps = ReportSteps().Select(AuditCodes.OfReportStep).ToList();
        Assert.Equal(reportSteps.Count, reportSteps.Distinct(StringComparer.Ordinal).Count());
        foreach (var code in caseSteps.Concat(disclosureSteps).Concat(reportSteps))
        {
            Assert.Contains(code, (IReadOnlySet<string>)AuditCodes.Written);
        }

        foreach (var code in AuditCodes.Written.Concat(AuditCodes.Retired))
        {
            Assert.True(IsChinese(AuditCodes.ActionZh(code)), $"{code}: {AuditCodes.ActionZh(code)}");
        }

        var entities = typeof(AuditEntities).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        foreach (var entity in entities)
        {
            Assert.True(IsChinese(AuditEntities.Zh(entity)), entity);
        }

        Assert.Equal("申请办理操作", AuditCodes.ActionZh("case.unheard-of"));
        Assert.Equal("其他操作", AuditCodes.ActionZh("unheard-of"));
    }

    [Fact]
    public void EveryAuditRecordCall_InTheSource_TakesItsCodeFromTheCatalogue()
    {
        var root = RepoRoot.Find();
        Assert.NotNull(root);
        var calls = Directory.EnumerateFiles(Path.Combine(root, "src", "Gongkai.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RecordCall().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Code: m.Groups["code"].Value.Trim())))
            .ToList();
        Assert.True(calls.Count >= 20, $"only {calls.Count} calls found");
        foreach (var (file, code) in calls)
        {
            Assert.True(CatalogueCode().IsMatch(code), $"{file}: audit.Record({code}, …) does not take its code from AuditCodes");
        }
    }

    [Fact]
    public void AnnualReportStep_TakesItsCodeFromTheStep_NotFromThePage()
    {
        var officer = new ReportActor("u1", "经办人", ReportRole.Officer);
        var at = new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));
        var w = ReportWorkflow.Start(ReportDraft.Start("某局", AgencyKind.Department, 2026, new Report { Format = "2021", Layouts = ImmutableDictionary<string, string>.Empty, Cells = ImmutableDictionary<CellRef, Cell>.Empty }, TablesOrigin.Typed), officer, at);
        Assert.Equal(AuditCodes.ReportCreate, AuditCodes.OfReportStep(w.History[^1]));
        var edited = w.Edit(officer, w.Draft, at, "修改正文", ReportEdit.Narrative).Value!;
        Assert.Equal(AuditCodes.ReportNarrative, AuditCodes.OfReportStep(edited.History[^1]));
        Assert.Equal(AuditCodes.ReportEditDraft, AuditCodes.OfReportStep(w.Edit(officer, w.Draft, at).Value!.History[^1]));

        // The kind of edit survives the stored JSON, so the history reads the same after a reload.
        var reloaded = ReportWorkflowJson.ParseWorkflow(ReportWorkflowJson.Serialize(edited));
        Assert.Equal(ReportEdit.Narrative, reloaded.History[^1].Edit);
        Assert.Null(reloaded.History[0].Edit);
    }

    /// <summary>One history entry of every action, and of every kind of edit.</summary>
    private static IEnumerable<ReportHistoryEntry> ReportSteps()
    {
        var actor = new ReportActor("u1", "经办人", ReportRole.Officer);
        var at = DateTimeOffset.UnixEpoch;
        foreach (var action in Enum.GetValues<ReportAction>().Where(a => a != ReportAction.Edited))
        {
            yield return new ReportHistoryEntry(1, action, actor, at, ReportState.Draft, ReportState.Draft, 1);
        }

        foreach (var edit in Enum.GetValues<ReportEdit>())
        {
            yield return new ReportHistoryEntry(1, ReportAction.Edited, actor, at, ReportState.Draft, ReportState.Draft, 1, null, edit);
        }
    }

    private static bool IsChinese(string text) =>
        text.Any(c => c is >= '\u4e00' and <= '\u9fff') && !text.Any(char.IsAsciiLetter);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"audit\.Record\(\s*(?<code>[^,]+),")]
    private static partial Regex RecordCall();

    /// <summary>A constant of <see cref="AuditCodes"/>, or a step's code derived from the step (a case event, a disclosure step, an annual report's workflow step).</summary>
    [GeneratedRegex(@"^(AuditCodes\.\w+|AuditCodeOf\(.+\)|DisclosureMapping\.AuditCode\([\w.]+\)|AuditCodes\.OfReportStep\(.+\))$")]
    private static partial Regex CatalogueCode();
}
