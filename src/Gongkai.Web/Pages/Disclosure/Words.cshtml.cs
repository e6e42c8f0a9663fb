using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Disclosure;

/// <summary>The administrator maintains the 错敏字 list (wrong form → right form, or a sensitive word with advice).</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class WordsModel(GongkaiDbContext db, DisclosureDesk desk) : PageModel
{
    public WrongWordList Words { get; private set; } = WrongWordList.Default;

    public bool IsDefault { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? wrong, string? right, WordEntryKind kind, string? note, CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            var entry = new WordEntry((wrong ?? "").Trim(), (right ?? "").Trim(), kind, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
            await SaveAsync(Words.With(entry), ct);
        }
        catch (ArgumentException e)
        {
            Error = e.Message;
            return Page();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string wrong, CancellationToken ct)
    {
        await LoadAsync(ct);
        await SaveAsync(Words.Without(wrong), ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        IsDefault = !await db.Set<WordEntryRecord>().AnyAsync(ct);
        Words = await desk.WordsAsync(ct);
    }

    /// <summary>Replaces the stored list (the first save copies the built-in default into the table).</summary>
    private async Task SaveAsync(WrongWordList list, CancellationToken ct)
    {
        var set = db.Set<WordEntryRecord>();
        set.RemoveRange(await set.ToListAsync(ct));
        set.AddRange(list.Entries.Select(e => new WordEntryRecord { Wrong = e.Wrong, Right = e.Right, Kind = e.Kind.ToString(), Note = e.Note }));
        await db.SaveChangesAsync(ct);
    }
}
