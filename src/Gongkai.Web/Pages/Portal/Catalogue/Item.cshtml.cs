using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Disclosure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Portal.Catalogue;

/// <summary>
/// The stable public page of an item: <c>/gk/{索引号}</c>. Corrections show their public notes; a
/// withdrawn item keeps its URL and shows the withdrawal note instead of the text.
/// </summary>
public sealed class ItemModel(GongkaiDbContext db) : PageModel
{
    public DisclosureItem Item { get; private set; } = null!;

    public DisclosureState State { get; private set; }

    public List<DisclosureStepRecord> Notes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? indexNumber, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(indexNumber) || indexNumber.Length > IndexNumber.MaxLength)
        {
            return NotFound();
        }

        var record = await db.Set<DisclosureRecord>().AsNoTracking().Include(r => r.Steps)
            .FirstOrDefaultAsync(r => r.IndexNumber == indexNumber, ct);
        if (record is null || record.State is not (nameof(DisclosureState.Published) or nameof(DisclosureState.Corrected) or nameof(DisclosureState.Withdrawn)))
        {
            return NotFound();
        }

        Item = DisclosureMapping.ToItem(record);
        State = Enum.Parse<DisclosureState>(record.State);
        Notes = [.. record.Steps.Where(s => s.IsPublic).OrderBy(s => s.Sequence)];
        return Page();
    }
}
