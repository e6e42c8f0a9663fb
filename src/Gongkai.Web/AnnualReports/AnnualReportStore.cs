using System.Globalization;
using System.Text.Json.Nodes;
using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Results;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.AnnualReports;

/// <summary>An agency's annual report for a year as stored (the web's <see cref="AnnualReport"/> row) and as a workflow.</summary>
public sealed record AnnualReportItem(AnnualReport Row, ReportWorkflow Workflow);

/// <summary>Settings of the workspace (<c>Gongkai:AnnualReports</c>): the Art. 49 deadlines and the repetition threshold.</summary>
public sealed class AnnualReportOptions
{
    public int DepartmentDeadlineMonth { get; set; } = 1;

    public int DepartmentDeadlineDay { get; set; } = 31;

    public int GovernmentDeadlineMonth { get; set; } = 3;

    public int GovernmentDeadlineDay { get; set; } = 31;

    public int WarningDays { get; set; } = 10;

    public double RepetitionThreshold { get; set; } = 0.5;

    public ReportCheckOptions ToCheckOptions() => new(
        new DeadlinePolicy((DepartmentDeadlineMonth, DepartmentDeadlineDay), (GovernmentDeadlineMonth, GovernmentDeadlineDay), WarningDays, TimeSpan.FromHours(8)),
        RepetitionThreshold);
}

/// <summary>
/// Keeps the workspace's <see cref="ReportWorkflow"/> in the web's <see cref="AnnualReport"/> row:
/// <see cref="AnnualReport.Json"/> holds <see cref="ReportWorkflowJson"/> (canonical report JSON at the
/// top level, the draft and workflow under <c>annual_report</c>), <see cref="AnnualReport.Status"/> mirrors
/// the workflow's state, and every save adds an <see cref="AnnualReportRevision"/>. No schema change.
/// </summary>
public sealed class AnnualReportStore(GongkaiDbContext db, CurrentStaff staff, AuditTrail audit, TimeProvider clock, AnnualReportOptions options)
{
    public TimeProvider Clock => clock;

    public ReportCheckOptions CheckOptions { get; } = options.ToCheckOptions();

    /// <summary>The reporting year one is usually working on: last year, by the China date.</summary>
    public int DefaultYear => clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year - 1;

    public Task<Agency?> AgencyAsync(int agencyId, CancellationToken ct) =>
        db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct);

    public static AgencyKind KindOf(Agency agency) => agency.Kind;

    /// <summary>The person acting at the desk (officer or approver).</summary>
    public ReportActor DeskActor() => new(staff.UserId ?? staff.UserName ?? "?", staff.DisplayName, staff.IsApprover ? ReportRole.Approver : ReportRole.Officer);

    /// <summary>The person acting as supervisor.</summary>
    public ReportActor SupervisorActor() => new(staff.UserId ?? staff.UserName ?? "?", staff.DisplayName, ReportRole.Supervisor);

    /// <summary>The report of <paramref name="agencyId"/> for <paramref name="year"/>, tracked, as a workflow (a plain uploaded report is read as an imported draft).</summary>
    public async Task<AnnualReportItem?> LoadAsync(int agencyId, int year, CancellationToken ct)
    {
        var row = await db.AnnualReports.Include(r => r.Agency).SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year, ct);
        return row is null ? null : new AnnualReportItem(row, ToWorkflow(row));
    }

    public async Task<AnnualReportItem?> LoadAsync(long id, CancellationToken ct)
    {
        var row = await db.AnnualReports.Include(r => r.Agency).SingleOrDefaultAsync(r => r.Id == id, ct);
        return row is null ? null : new AnnualReportItem(row, ToWorkflow(row));
    }

    /// <summary>
    /// Last year's report for the cross-year checks: its latest published version if it was
    /// published here, else what is stored (e.g. last year's published file, imported).
    /// </summary>
    public async Task<Report?> PreviousYearAsync(int agencyId, int year, CancellationToken ct)
    {
        var row = await db.AnnualReports.AsNoTracking().Include(r => r.Agency).SingleOrDefaultAsync(r => r.AgencyId == agencyId && r.Year == year - 1, ct);
        if (row is null)
        {
            return null;
        }

        var w = ToWorkflow(row);
        return (w.Current?.Draft ?? w.Draft).ToReport();
    }

    /// <summary>The checks of <paramref name="workflow"/>'s draft now.</summary>
    public ReportCheckResult Check(ReportWorkflow workflow, Report? previous) => workflow.Checks(previous, clock, CheckOptions);

    /// <summary>Starts the report of an agency for a year (refused when one exists).</summary>
    public async Task<AnnualReportItem> CreateAsync(Agency agency, int year, ReportDraft draft, string note, CancellationToken ct)
    {
        var workflow = ReportWorkflow.Start(draft, DeskActor(), clock.GetUtcNow());
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new AnnualReport
        {
            AgencyId = agency.Id,
            Year = year,
            Status = ReportState.Draft,
            Json = ReportWorkflowJson.Serialize(workflow),
            UpdatedAt = now,
        };
        db.AnnualReports.Add(row);
        AddRevision(row, 1, note, now);
        audit.Record(AuditCodes.OfReportStep(workflow.History[^1]), AuditEntities.Report, $"{agency.Id}/{year}", agency.Id, note);
        await db.SaveChangesAsync(ct);
        return new AnnualReportItem(row, workflow);
    }

    /// <summary>A new draft from a report file: its tables (imported) and its written sections.</summary>
    public static ReportDraft ImportedDraft(Agency agency, int year, Report report)
    {
        var draft = ReportDraft.Start(agency.Name, KindOf(agency), year, report, TablesOrigin.Imported);
        foreach (var s in report.Sections.Where(s => ReportDraft.WrittenSections.Contains(s.Number) && s.Text.Trim().Length > 0))
        {
            draft = draft.WithNarrative(s.Number, (draft.TextOf(s.Number) + "\n" + s.Text).Trim()).TryGetValue(out var written) ? written : draft;
        }

        return draft;
    }

    /// <summary>
    /// Keeps a report file as the agency's report for <paramref name="year"/>: a new report (tables and
    /// written sections from the file) when there is none, else a new version of the draft in the same
    /// workflow (the tables from the file; written sections, explanations and history kept). Refused by
    /// the workflow once the report is submitted (<c>FLOW.locked</c>, <c>FLOW.wrong-state</c>), or
    /// <c>FLOW.stale</c> when <paramref name="expectedVersion"/> is given and someone saved since.
    /// </summary>
    public async Task<Result<AnnualReportItem>> ImportAsync(Agency agency, int year, Report report, string fileName, int? expectedVersion, CancellationToken ct)
    {
        var existing = await LoadAsync(agency.Id, year, ct);
        if (existing is null)
        {
            return await CreateAsync(agency, year, ImportedDraft(agency, year, report), $"新建（导入 {fileName}）", ct);
        }

        var note = $"导入表格 {fileName}";
        var w = existing.Workflow;
        return await SaveAsync(existing, w.Edit(DeskActor(), w.Draft.WithTables(report, TablesOrigin.Imported), clock.GetUtcNow(), note, ReportEdit.Import), expectedVersion ?? existing.Row.Version, note, ct);
    }

    /// <summary>
    /// Records a report published outside the system (last year's file, imported) as the year's
    /// published version, so the next year's checks can compare with it.
    /// </summary>
    public async Task ImportPublishedAsync(Agency agency, int year, Report report, string fileName, CancellationToken ct)
    {
        var draft = ImportedDraft(agency, year, report);
        var at = clock.GetUtcNow();
        var actor = DeskActor();
        var note = $"导入已发布的报告 {fileName}";
        var workflow = new ReportWorkflow
        {
            Draft = draft,
            State = ReportState.Published,
            History = [new ReportHistoryEntry(1, ReportAction.Published, actor, at, ReportState.Draft, ReportState.Published, 1, note)],
            Versions = [new PublishedVersion(1, draft, at, actor, null)],
        };
        var now = at.UtcDateTime;
        var row = new AnnualReport { AgencyId = agency.Id, Year = year, Status = ReportState.Published, Json = ReportWorkflowJson.Serialize(workflow), UpdatedAt = now, PublishedAt = now };
        db.AnnualReports.Add(row);
        AddRevision(row, 1, note, now);
        audit.Record(AuditCodes.ReportImportPublished, AuditEntities.Report, $"{agency.Id}/{year}", agency.Id, note);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Stores the next workflow of <paramref name="item"/> and answers the item as saved, or why not: the
    /// step's refusal, or <c>FLOW.stale</c> when someone else saved since <paramref name="expectedVersion"/>.
    /// The audit entry's code is the step's own (<see cref="AuditCodes.OfReportStep"/>).
    /// </summary>
    public async Task<Result<AnnualReportItem>> SaveAsync(AnnualReportItem item, Result<ReportWorkflow> next, int expectedVersion, string note, CancellationToken ct)
    {
        if (next.Problem is { } refused)
        {
            return refused;
        }

        var row = item.Row;
        if (row.Version != expectedVersion)
        {
            return Stale();
        }

        var workflow = next.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        row.Json = ReportWorkflowJson.Serialize(workflow);
        row.Status = StatusOf(workflow);
        row.UpdatedAt = now;
        row.Version++;
        if (workflow.State == ReportState.Published)
        {
            row.PublishedAt = now;
        }

        var last = await db.AnnualReportRevisions.Where(v => v.ReportId == row.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        AddRevision(row, last + 1, note, now);
        audit.Record(AuditCodes.OfReportStep(workflow.History[^1]), AuditEntities.Report, row.Id, row.AgencyId, note.Length > 500 ? note[..500] : note);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }

        return new AnnualReportItem(row, workflow);
    }

    /// <summary>The stored saves of a report, newest first.</summary>
    public Task<List<AnnualReportRevision>> RevisionsAsync(long reportId, CancellationToken ct) =>
        db.AnnualReportRevisions.AsNoTracking().Where(v => v.ReportId == reportId).OrderByDescending(v => v.Number).ToListAsync(ct);

    /// <summary>
    /// The row's status: the workflow's state, except that a report published once stays
    /// <see cref="ReportState.Published"/> while a correction is prepared (the portal keeps showing
    /// the published version, which is what the row's canonical JSON holds).
    /// </summary>
    public static ReportState StatusOf(ReportWorkflow workflow) =>
        workflow.Current is not null ? ReportState.Published : workflow.State;

    /// <summary>The workflow's state label of a stored row (what the workspace lists show), with 逾期 when first published after the deadline.</summary>
    public string StateLabel(AnnualReport row)
    {
        var w = ToWorkflow(row);
        var label = ReportWorkflow.Label(w.State);
        var late = PublishedLate(w) == true ? "（逾期）" : string.Empty;
        return w.Current is not null && w.State != ReportState.Published ? $"{label}（更正第{w.Revision}版；第{w.Current.Revision}版已公开{late}）" : label + late;
    }

    public static Problem Stale() => AnnualReportCodes.Problem(AnnualReportCodes.Stale);

    /// <summary>The reports of <paramref name="agencyIds"/> for <paramref name="year"/>, not tracked, as workflows.</summary>
    public async Task<List<AnnualReportItem>> ListAsync(IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct)
    {
        var rows = await db.AnnualReports.AsNoTracking().Include(r => r.Agency).Where(r => agencyIds.Contains(r.AgencyId) && r.Year == year).ToListAsync(ct);
        return [.. rows.Select(r => new AnnualReportItem(r, ToWorkflow(r)))];
    }

    /// <summary>Where <paramref name="agency"/>'s report for <paramref name="year"/> stands today (China date), 逾期 included.</summary>
    public ReportStanding Standing(Agency agency, int year, ReportWorkflow? workflow) =>
        ReportStanding.Of(workflow, KindOf(agency), year, ChinaTime.Today(clock), CheckOptions.Deadlines);

    /// <summary>Whether a stored row's first publication came after the Art. 49 deadline (null: not published).</summary>
    public bool? PublishedLate(AnnualReport row) => PublishedLate(ToWorkflow(row));

    /// <summary>Whether the first publication came after the Art. 49 deadline (null: not published).</summary>
    public bool? PublishedLate(ReportWorkflow workflow) => workflow.PublishedLate(CheckOptions.Deadlines);

    /// <summary>
    /// The 索引号 of a published annual report: the agency's 统一社会信用代码, the report year and
    /// <c>NB</c> with the two-digit revision (<c>11371324MB2858127M/2025-NB01</c>); stable, never reused.
    /// </summary>
    public static string IndexNumber(Agency agency, int year, int revision) =>
        string.Create(CultureInfo.InvariantCulture, $"{agency.CreditCode}/{year}-NB{revision:00}");

    /// <summary>The workflow stored in a row; a plain canonical report (uploaded) becomes an imported draft in the row's status.</summary>
    public static ReportWorkflow ToWorkflow(AnnualReport row)
    {
        if (ReportWorkflowJson.HasDraft(row.Json))
        {
            return ReportWorkflowJson.ParseWorkflow(row.Json);
        }

        var tables = ReportJson.Parse(row.Json);
        var agency = row.Agency?.Name ?? tables.Agency ?? string.Empty;
        var kind = row.Agency is { } a ? KindOf(a) : AgencyKind.Department;
        var draft = ReportDraft.Start(agency, kind, row.Year, tables, TablesOrigin.Imported);
        foreach (var (number, text) in Sections(row.Json))
        {
            if (ReportDraft.WrittenSections.Contains(number) && draft.WithNarrative(number, draft.TextOf(number) + "\n" + text) is { IsSuccess: true } ok)
            {
                draft = ok.Value!;
            }
        }

        var state = row.Status;
        var actor = new ReportActor("import", "导入", ReportRole.Officer);
        var at = new DateTimeOffset(DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc));
        var created = new ReportHistoryEntry(1, ReportAction.Created, actor, at, ReportState.Draft, state, 1, "由已保存的报告数据转换");
        var workflow = new ReportWorkflow { Draft = draft, State = state, History = [created] };
        if (state == ReportState.Published)
        {
            // Published before the workspace existed: it is the first published version.
            var published = row.PublishedAt is { } p ? new DateTimeOffset(DateTime.SpecifyKind(p, DateTimeKind.Utc)) : at;
            workflow = workflow with { Versions = [new PublishedVersion(1, draft, published, actor, null)] };
        }

        return workflow;
    }

    /// <summary>The <c>sections</c> of a canonical report JSON (number, text).</summary>
    public static IEnumerable<(int Number, string Text)> Sections(string json)
    {
        if (JsonNode.Parse(json)?["sections"] is not JsonArray sections)
        {
            yield break;
        }

        foreach (var s in sections)
        {
            if (s?["number"] is JsonValue n && n.TryGetValue<int>(out var number) && (string?)s["text"] is { Length: > 0 } text)
            {
                yield return (number, text);
            }
        }
    }

    private void AddRevision(AnnualReport row, int number, string note, DateTime now) =>
        db.AnnualReportRevisions.Add(new AnnualReportRevision
        {
            Report = row,
            Number = number,
            Status = row.Status,
            Json = row.Json,
            CreatedAt = now,
            CreatedBy = staff.UserName,
            Note = note.Length > 500 ? note[..500] : note,
        });

    internal static string Date(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
