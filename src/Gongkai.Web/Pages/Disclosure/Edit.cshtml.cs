using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Disclosure;

/// <summary>
/// The officer drafts or edits an item, uploads its attachments (checked by <see cref="AttachmentRules"/>,
/// stored with the item), and submits it for review.
/// </summary>
[Authorize(Policy = Policies.Desk)]
[RequestSizeLimit(RequestSizeLimit.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestSizeLimit.MaxRequestBytes)]
public sealed class EditModel(GongkaiDbContext db, CurrentStaff staff, DisclosureDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public DraftForm Input { get; set; } = new();

    /// <summary>Files chosen in the form's file field.</summary>
    [BindProperty]
    public List<IFormFile> Uploads { get; set; } = [];

    /// <summary>Keys (<see cref="KeyOf"/>) of the attachments ticked for removal.</summary>
    [BindProperty]
    public List<string> Remove { get; set; } = [];

    /// <summary>The draft's attachments as stored.</summary>
    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>The accept attribute of the file field: the allowed extensions.</summary>
    public static string Accept => string.Join(',', AttachmentRules.Types.Keys.Order(StringComparer.Ordinal).Select(e => "." + e));

    /// <summary>The key of an attachment in the removal boxes: its file id, or its name for a linked one.</summary>
    public static string KeyOf(Attachment a) => a.FileId?.ToString() ?? "name:" + a.Name;

    private Actor Me => new(staff.UserId!, staff.DisplayName);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var w = await desk.LoadAsync(id, staff.DeskAgencyId, ct);
            if (w is null)
            {
                return NotFound();
            }

            if (w.State != DisclosureState.Draft)
            {
                return RedirectToPage("Review", new { id });
            }

            Input = DraftForm.From(w.Item);
            Attachments = w.Item.Attachments;
        }
        else
        {
            Input.Publisher = await db.Agencies.AsNoTracking().Where(a => a.Id == staff.DeskAgencyId).Select(a => a.Name).FirstAsync(ct);
            Input.WrittenOn = desk.Today;
        }

        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => SaveAsync(submit: true, ct);

    private async Task<IActionResult> SaveAsync(bool submit, CancellationToken ct)
    {
        var agency = staff.DeskAgencyId;
        var id = Id ?? Guid.NewGuid();
        if (Id is not null)
        {
            var stored = await desk.LoadAsync(id, agency, ct);
            if (stored is null)
            {
                return NotFound();
            }

            Attachments = stored.Item.Attachments;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var kept = Attachments.Where(a => !Remove.Contains(KeyOf(a))).ToList();
        var uploads = Uploads.Where(u => u.Length > 0 || u.FileName.Length > 0).ToList();
        if (AttachmentRules.CountRefusal(kept.Count, uploads.Count) is { } tooMany)
        {
            Error = DisclosureCodes.Messages.Zh(tooMany);
            return Page();
        }

        var files = new List<DisclosureFileRecord>();
        foreach (var upload in uploads)
        {
            await using var stream = upload.OpenReadStream();
            var read = await desk.ReadUploadAsync(id, upload.FileName, upload.Length, stream, Me, ct);
            if (read.Problem is { } refusal)
            {
                Error = FormCodes.Zh(FormCodes.AttachmentRefused, AttachmentRules.CleanName(upload.FileName), refusal.MessageZh);
                Id = Id is null ? null : id;
                return Page();
            }

            files.Add(read.Value.File);
            kept.Add(read.Value.Attachment);
        }

        var item = Input.ToItem(id, kept);
        if (item.Validate() is { IsEmpty: false } problems)
        {
            Error = string.Join("；", problems.Select(code => DisclosureCodes.Messages.Zh(code)));
            return Page();
        }

        var saved = Id is null
            ? (await desk.CreateAsync(agency, item, Me, files, ct)).Problem
            : (await desk.EditAsync(id, agency, Me, item, files, ct)).Problem;
        if (saved is null && submit)
        {
            saved = (await desk.SubmitAsync(id, agency, Me, ct)).Problem;
        }

        if (saved is not null)
        {
            Id = id;
            Error = saved.MessageZh;
            return Page();
        }

        return RedirectToPage("Review", new { id });
    }
}
