using System.Collections.Immutable;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// Who may review. Empty sets mean any user other than the item's authors; otherwise only the named
/// users may pass that review.
/// </summary>
public sealed record ReviewPolicy(ImmutableHashSet<string> SecrecyReviewers, ImmutableHashSet<string> LegalityReviewers)
{
    public static ReviewPolicy Open { get; } = new([], []);

    public bool MaySecrecyReview(Actor a) => SecrecyReviewers.IsEmpty || SecrecyReviewers.Contains(a.Id);

    public bool MayLegalityReview(Actor a) => LegalityReviewers.IsEmpty || LegalityReviewers.Contains(a.Id);
}
