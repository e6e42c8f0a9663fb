using Gongkai.Data;
using Gongkai.Data.Casework;
using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Web.AnnualReports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Demo;

/// <summary>
/// Last year's annual reports, compiled from the demo casework: the first department's published (so
/// the portal has one to show), the other departments' written, checked and submitted, waiting for the
/// county's 审核, and the county government's own compiled as a draft (its deadline is 31 March).
/// </summary>
public static class DemoReports
{
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<Agency> agencies)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        var rules = services.GetRequiredService<CaseRules>();
        var clock = services.GetRequiredService<TimeProvider>();
        var options = services.GetRequiredService<AnnualReportOptions>().ToCheckOptions();
        var year = ChinaTime.Today(clock).Year - 1;
        var departments = agencies.Where(a => a.Kind == AgencyKind.Department).ToList();
        foreach (var agency in agencies)
        {
            var compiled = await YearStatistics.CompileAsync(db, rules, agency.Id, agency.Name, year, CancellationToken.None);
            if (agency == departments.FirstOrDefault())
            {
                Publish(db, agency, year, compiled.Report, clock);
                continue;
            }

            var officer = await OfficerAsync(db, agency);
            var draft = ReportDraft.Start(agency.Name, agency.Kind, year, compiled.Report, TablesOrigin.Compiled);
            draft = Write(draft, agency, year);
            var workflow = ReportWorkflow.Start(draft, officer, clock.GetUtcNow());
            if (agency.Kind == AgencyKind.Department)
            {
                // Errors the demo data may raise (e.g. a late submission) are explained, as an officer would.
                foreach (var finding in workflow.Checks(null, clock, options).Blocking)
                {
                    draft = draft.Explain(finding.Key, "演示数据：已核实，情况属实。", officer.Name, clock.GetUtcNow()).Value ?? draft;
                }

                workflow = workflow.Edit(officer, draft, clock.GetUtcNow(), "填写正文").Value ?? workflow;
                workflow = workflow.Submit(officer, null, clock, options).Value ?? workflow;
            }

            Store(db, agency, year, workflow, clock);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The published report as plain canonical report JSON (as a report published outside the workspace is kept).</summary>
    private static void Publish(GongkaiDbContext db, Agency agency, int year, Gongkai.Domain.Reports.Report report, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var json = Gongkai.Domain.Reports.ReportJson.Serialize(report);
        var row = new AnnualReport { AgencyId = agency.Id, Year = year, Status = ReportState.Published, Json = json, UpdatedAt = now, PublishedAt = now };
        db.AnnualReports.Add(row);
        db.AnnualReportRevisions.Add(new AnnualReportRevision { Report = row, Number = 1, Status = ReportState.Published, Json = json, CreatedAt = now, CreatedBy = "demo", Note = "演示数据：由办件数据汇总并公开" });
    }

    private static void Store(GongkaiDbContext db, Agency agency, int year, ReportWorkflow workflow, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var json = ReportWorkflowJson.Serialize(workflow);
        var status = AnnualReportStore.StatusOf(workflow);
        var row = new AnnualReport { AgencyId = agency.Id, Year = year, Status = status, Json = json, UpdatedAt = now };
        db.AnnualReports.Add(row);
        db.AnnualReportRevisions.Add(new AnnualReportRevision
        {
            Report = row,
            Number = 1,
            Status = status,
            Json = json,
            CreatedAt = now,
            CreatedBy = "demo",
            Note = status == ReportState.Submitted ? "演示数据：由办件数据生成，已报送审核" : "演示数据：由办件数据生成",
        });
    }

    private static ReportDraft Write(ReportDraft draft, Agency agency, int year)
    {
        string[] sections =
        [
            $"{year}年，{agency.Name}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，依法办理政府信息公开申请，主动公开政府信息。",
            "政府信息公开工作仍存在公开内容不够全面、答复文书规范性有待提升等问题。下一步，将统一答复模板，加强业务培训。",
            $"{year}年度本机关未收取信息处理费。",
        ];
        for (var i = 0; i < ReportDraft.WrittenSections.Length; i++)
        {
            draft = draft.WithNarrative(ReportDraft.WrittenSections[i], sections[i]).Value ?? draft;
        }

        return draft;
    }

    private static async Task<ReportActor> OfficerAsync(GongkaiDbContext db, Agency agency)
    {
        var name = DemoSeed.DemoUserName(agency.Code, Infrastructure.Roles.Officer);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == name);
        return new ReportActor(user.Id, user.DisplayName ?? name, ReportRole.Officer);
    }
}
