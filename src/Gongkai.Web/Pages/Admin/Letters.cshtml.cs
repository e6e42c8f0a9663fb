using System.Globalization;
using Gongkai.Data.Entities;
using Gongkai.Data;
using Gongkai.Render.Letters;
using Gongkai.Web.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin;

/// <summary>
/// 文书设置: per agency the 文号 pattern of its letters and the 复议机关 and court named in the 救济途径 of
/// its adverse letters. Administrators edit the agencies they administer (their own and those below it);
/// each change is audited (<c>agency.letters</c>).
/// </summary>
public sealed class LettersModel(GongkaiDbContext db, CurrentStaff staff, AuditTrail audit) : PageModel
{
    public List<Agency> Agencies { get; private set; } = [];

    public Agency? Selected { get; private set; }

    public Dictionary<string, string> FieldErrors { get; } = [];

    [BindProperty]
    public string? Pattern { get; set; }

    [BindProperty]
    public string? ReviewBody { get; set; }

    [BindProperty]
    public string? Court { get; set; }

    public string Err(string key) => FieldErrors.TryGetValue(key, out var m) ? m : string.Empty;

    /// <summary>An example 文号 from the pattern in force.</summary>
    public string Example(Agency a) =>
        LetterNumberPattern.Format(LetterNumberPattern.OrDefault(a.LetterNumberPattern, a.Name), 2026, 1);

    public async Task<IActionResult> OnGetAsync(int? agencyId, CancellationToken ct)
    {
        if (!await LoadAsync(agencyId, ct))
        {
            return NotFound();
        }

        Pattern = Selected!.LetterNumberPattern;
        ReviewBody = Selected.ReviewBody;
        Court = Selected.Court;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? agencyId, CancellationToken ct)
    {
        if (!await LoadAsync(agencyId, ct))
        {
            return NotFound();
        }

        var pattern = Clean(Pattern, "pattern", LetterNumberPattern.MaxLength);
        if (pattern is not null && LetterNumberPattern.Check(pattern) is { } problem)
        {
            FieldErrors["pattern"] = problem;
        }

        var review = Clean(ReviewBody, "reviewBody", 100);
        var court = Clean(Court, "court", 100);
        if (FieldErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var agency = await db.Agencies.SingleAsync(a => a.Id == Selected!.Id, ct);
        agency.LetterNumberPattern = pattern;
        agency.ReviewBody = review;
        agency.Court = court;
        audit.Record(AuditCodes.AgencyLetters, AuditEntities.Agency, agency.Id, agency.Id, $"文号格式：{pattern ?? "默认"}；复议机关：{review ?? "未设置"}；人民法院：{court ?? "未设置"}");
        await db.SaveChangesAsync(ct);
        TempData.Notify(AgencyCodes.Messages.Notice(AgencyCodes.DoneLettersSaved));
        return Redirect($"/Admin/Letters?agencyId={agency.Id}");
    }

    private async Task<bool> LoadAsync(int? agencyId, CancellationToken ct)
    {
        var ids = await staff.AdministeredAgencyIdsAsync(ct);
        Agencies = await db.Agencies.AsNoTracking().Include(a => a.Parent).Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
        var id = agencyId ?? staff.AgencyId;
        Selected = Agencies.FirstOrDefault(a => a.Id == id) ?? (agencyId is null ? Agencies.FirstOrDefault() : null);
        return Selected is not null;
    }

    private string? Clean(string? value, string field, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (value.Length > max)
        {
            FieldErrors[field] = FormCodes.Zh(FormCodes.TooLong, max.ToString(CultureInfo.InvariantCulture));
        }

        return value;
    }
}
