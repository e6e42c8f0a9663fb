namespace Gongkai.Domain.Disclosure;

/// <summary>What a step did.</summary>
public enum StepKind
{
    Created,
    Edited,
    Submitted,
    SecrecyPassed,
    LegalityPassed,
    Returned,
    FindingAccepted,
    Published,
    Corrected,
    Withdrawn,
}
