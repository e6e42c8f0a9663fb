using System.Collections.Immutable;
using System.Globalization;
using Gongkai.Data;
using Gongkai.Domain.Calendar;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin;

/// <summary>
/// 节假日安排: the years the calendar holds (embedded or loaded), and loading a year's State Council notice by form
/// or as calendar JSON (docs/calendar.md). On loading, every open case's due date is recomputed and the cases of the
/// administrator's agencies whose due date moved are listed.
/// </summary>
public sealed class CalendarModel(GongkaiDbContext db, CalendarService calendars, HolidayNoticeLoader loader, CurrentStaff staff, TimeProvider clock) : PageModel
{
    /// <summary>Largest JSON accepted (a year's notice is about 2 KB).</summary>
    public const int MaxJsonBytes = 64 * 1024;

    public sealed record YearRow(int Year, string Number, string Source, string Kind);

    public sealed class HolidayRow
    {
        public string? Key { get; set; }

        public string? Name { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        /// <summary>Make-up working days, YYYY-MM-DD separated by commas, 、 or spaces.</summary>
        public string? Work { get; set; }
    }

    public sealed class NoticeForm
    {
        public int Year { get; set; }

        public string? Number { get; set; }

        public string? Title { get; set; }

        public DateOnly? Date { get; set; }

        public string? Url { get; set; }

        public List<HolidayRow> Rows { get; set; } = [];
    }

    [BindProperty]
    public NoticeForm Form { get; set; } = new();

    [BindProperty]
    public string? Json { get; set; }

    public List<YearRow> Years { get; private set; } = [];

    public ImmutableArray<NoticeIssue> Issues { get; private set; } = [];

    public NoticeLoadResult? Result { get; private set; }

    /// <summary>The moved cases of the administrator's agencies (the calendar is national; the list is not).</summary>
    public List<MovedCase> VisibleMoved { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        var next = year ?? (calendars.Current.CoveredYears.Count == 0 ? ChinaTime.Today(clock).Year : calendars.Current.CoveredYears.Max() + 1);
        Form = Prefill(next is >= StatutoryHolidays.FirstYear and <= StatutoryHolidays.LastYear ? next : ChinaTime.Today(clock).Year);
        await ListAsync(ct);
    }

    public async Task<IActionResult> OnPostFormAsync(CancellationToken ct)
    {
        var (year, issues) = FromForm(Form);
        return await LoadAsync(year, issues, ct);
    }

    public async Task<IActionResult> OnPostJsonAsync(IFormFile? upload, CancellationToken ct)
    {
        var text = Json;
        if (upload is { Length: > 0 })
        {
            if (upload.Length > MaxJsonBytes)
            {
                return await LoadAsync(null, [new NoticeIssue("notice.json-too-large", $"上传的文件超过 {MaxJsonBytes / 1024} KB")], ct);
            }

            using var reader = new StreamReader(upload.OpenReadStream());
            text = await reader.ReadToEndAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return await LoadAsync(null, [new NoticeIssue("notice.json-empty", "请粘贴或上传放假安排 JSON")], ct);
        }

        if (text.Length > MaxJsonBytes)
        {
            return await LoadAsync(null, [new NoticeIssue("notice.json-too-large", $"JSON 超过 {MaxJsonBytes / 1024} KB")], ct);
        }

        try
        {
            var year = HolidayNoticeCheck.ParseYear(text);
            Form = ToForm(year);
            return await LoadAsync(year, [], ct);
        }
        catch (FormatException ex)
        {
            return await LoadAsync(null, [new NoticeIssue("notice.json-invalid", $"JSON 无法读取：{ex.Message}")], ct);
        }
    }

    private async Task<IActionResult> LoadAsync(HolidayYear? year, ImmutableArray<NoticeIssue> issues, CancellationToken ct)
    {
        if (year is not null && issues.IsEmpty)
        {
            try
            {
                Result = await loader.LoadAsync(year, ct);
                issues = Result.Issues;
            }
            catch (DbUpdateConcurrencyException)
            {
                issues = [new NoticeIssue("notice.concurrent", "载入期间有案件被他人修改，未保存，请重新提交")];
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }

        Issues = issues;
        if (Result is { Loaded: true } result)
        {
            var ids = await staff.AdministeredAgencyIdsAsync(ct);
            VisibleMoved = [.. result.Moved.Where(m => ids.Contains(m.AgencyId)).OrderBy(m => m.TrackingNumber, StringComparer.Ordinal)];
        }

        await ListAsync(ct);
        return Page();
    }

    private async Task ListAsync(CancellationToken ct)
    {
        var loaded = await db.HolidayNotices.AsNoTracking().OrderBy(n => n.Id).ToListAsync(ct);
        var latest = loaded.GroupBy(n => n.Year).ToDictionary(g => g.Key, g => g.Last());
        Years = [.. calendars.Current.Years.OrderByDescending(y => y.Year).Select(y => latest.TryGetValue(y.Year, out var n)
            ? new YearRow(y.Year, n.Number, $"{n.LoadedBy} {ChinaTime.Local(n.LoadedAt):yyyy-MM-dd HH:mm}", "管理员载入")
            : new YearRow(y.Year, y.Notices.IsDefaultOrEmpty ? "" : y.Notices[0].Number, "随软件发布", "内置"))];
    }

    /// <summary>A form for <paramref name="year"/> with one row per statutory holiday at its statutory dates, and two empty rows.</summary>
    private static NoticeForm Prefill(int year)
    {
        var form = new NoticeForm { Year = year, Title = $"国务院办公厅关于{year}年部分节假日安排的通知" };
        form.Rows.AddRange(StatutoryHolidays.For(year).Select(h => new HolidayRow { Key = h.Key, Name = h.Name, From = h.From, To = h.To }));
        form.Rows.Add(new HolidayRow());
        form.Rows.Add(new HolidayRow());
        return form;
    }

    private static NoticeForm ToForm(HolidayYear year) => new()
    {
        Year = year.Year,
        Number = year.Notices.IsDefaultOrEmpty ? null : year.Notices[0].Number,
        Title = year.Notices.IsDefaultOrEmpty ? null : year.Notices[0].Title,
        Date = year.Notices.IsDefaultOrEmpty ? null : year.Notices[0].Date,
        Url = year.Notices.IsDefaultOrEmpty ? null : year.Notices[0].Url,
        Rows = [.. year.Holidays.Select(h => new HolidayRow
        {
            Key = h.Key, Name = h.Name, From = h.From, To = h.To,
            Work = string.Join("、", h.Work.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        })],
    };

    private static (HolidayYear? Year, ImmutableArray<NoticeIssue> Issues) FromForm(NoticeForm form)
    {
        var issues = ImmutableArray.CreateBuilder<NoticeIssue>();
        if (string.IsNullOrWhiteSpace(form.Number))
        {
            issues.Add(new("notice.number-missing", "缺少通知文号（如 国办发明电〔2026〕7号）"));
        }

        if (form.Date is null)
        {
            issues.Add(new("notice.date-missing", "缺少通知日期"));
        }

        var holidays = new List<HolidayPeriod>();
        for (var i = 0; i < form.Rows.Count; i++)
        {
            var row = form.Rows[i];
            if (string.IsNullOrWhiteSpace(row.Name) && row.From is null && row.To is null && string.IsNullOrWhiteSpace(row.Work))
            {
                continue;
            }

            var where = $"第{i + 1}行";
            if (string.IsNullOrWhiteSpace(row.Name) || row.From is null || row.To is null)
            {
                issues.Add(new("notice.row-incomplete", $"{where}：节日名称、放假开始日和结束日都要填写"));
                continue;
            }

            var work = ImmutableArray.CreateBuilder<DateOnly>();
            foreach (var part in (row.Work ?? "").Split([',', '，', '、', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    work.Add(d);
                }
                else
                {
                    issues.Add(new("notice.work-invalid", $"{where}（{row.Name}）：调休上班日“{part}”不是 YYYY-MM-DD 格式的日期"));
                }
            }

            holidays.Add(new HolidayPeriod(string.IsNullOrWhiteSpace(row.Key) ? $"holiday_{i + 1}" : row.Key.Trim(), row.Name.Trim(), row.From.Value, row.To.Value, work.ToImmutable()));
        }

        if (issues.Count > 0)
        {
            return (null, issues.ToImmutable());
        }

        var notice = new HolidayNotice(form.Number!.Trim(), form.Title?.Trim() ?? "", form.Date!.Value, form.Url?.Trim() ?? "");
        return (new HolidayYear(form.Year, [notice], [.. holidays]), []);
    }
}
