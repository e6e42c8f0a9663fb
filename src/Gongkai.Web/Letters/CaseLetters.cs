using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Data.Letters;
using Gongkai.Domain.Casework;
using Gongkai.Render.Letters;
using Gongkai.Web.Casework;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Letters;

/// <summary>A letter of a case step as listed on a page: its kind and the download links' route values.</summary>
public sealed record CaseLetterLink(int Sequence, LetterKind Kind)
{
    public string Name => Kind.ShortName();

    public string Code => Kind.Code();
}

/// <summary>
/// The one Web entry point for a case's letters (staff desk and the applicant's portal call it): which
/// letters a step has, and a letter as a file for (case, step, kind, format). The content is written by
/// Gongkai.Render (<see cref="LetterComposer"/>, <see cref="LetterFiles"/>); the 文号 is allocated the
/// first time a letter is produced and stored (<see cref="LetterNumberAllocator"/>), so every later
/// download shows the same one. Callers check access (the desk loads cases of the user's agency; the
/// portal checks the applicant's tracking number and 查询码) before calling.
/// </summary>
public sealed class CaseLetters(GongkaiDbContext db, LetterNumberAllocator numbers, AuditTrail audit, CaseRules rules)
{
    /// <summary>The letters of step <paramref name="sequence"/> (1-based) of a case; empty when it sends none.</summary>
    public static IReadOnlyList<CaseLetterLink> For(ApplicationCase c, int sequence) =>
        [.. LetterComposer.KindsFor(c, sequence).Select(k => new CaseLetterLink(sequence, k))];

    /// <summary>Every letter of a case, in step order.</summary>
    public static IReadOnlyList<CaseLetterLink> All(ApplicationCase c) =>
        [.. Enumerable.Range(1, c.Events.Length).SelectMany(s => For(c, s))];

    /// <summary>The letters addressed to the applicant (what the portal may offer them), in step order.</summary>
    public static IReadOnlyList<CaseLetterLink> ForApplicant(ApplicationCase c) =>
        [.. All(c).Where(l => l.Kind.IsToApplicant())];

    /// <summary>
    /// The letter as a file, or null when the case (not yet registered) or the step has no such letter.
    /// The first call for a letter allocates its 文号 (audited as <c>case.letter-number</c>).
    /// </summary>
    public async Task<LetterFile?> GetAsync(LoadedCase loaded, int sequence, LetterKind kind, LetterFormat format, CancellationToken ct = default)
    {
        if (loaded.Case is not { } c || !LetterComposer.KindsFor(c, sequence).Contains(kind))
        {
            return null;
        }

        var agency = await db.Agencies.AsNoTracking().Include(a => a.Parent).SingleAsync(a => a.Id == loaded.Record.AgencyId, ct);
        var step = c.Events[sequence - 1];
        var pattern = LetterNumberPattern.OrDefault(agency.LetterNumberPattern, agency.Name);
        var year = step.OccurredOn.Year;
        var record = await numbers.GetOrAllocateAsync(
            new LetterNumberRequest(c.Id, sequence, kind.Code(), agency.Id, year),
            n => LetterNumberPattern.Format(pattern, year, n),
            row => audit.Record(AuditCodes.CaseLetterNumber, AuditEntities.Case, c.Id, agency.Id, $"{kind.ShortName()} {row.DocumentNumber}"),
            ct);
        var letter = LetterComposer.Compose(new LetterRequest(c, sequence, kind, Issuer(agency), record.DocumentNumber, rules));
        return LetterFiles.Write(letter, format, c.Application.TrackingNumber);
    }

    /// <summary>
    /// The agency's letter settings. Without a configured 复议机关 a department names its 本级人民政府
    /// (its parent in the tree), a government the one above it when that is in the tree.
    /// </summary>
    public static LetterIssuer Issuer(Agency agency) =>
        new(agency.Name, agency.Address, agency.Phone, agency.ReviewBody ?? agency.Parent?.Name, agency.Court);
}
