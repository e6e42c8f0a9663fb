namespace Gongkai.Domain.Disclosure;

/// <summary>
/// One recorded step: who, when, what they said, and the state change. Steps are only ever appended.
/// <see cref="IsPublic"/> steps (corrections, withdrawals) show their comment on the portal.
/// </summary>
public sealed record WorkflowStep(
    int Sequence,
    StepKind Kind,
    Actor Actor,
    DateTimeOffset At,
    DisclosureState From,
    DisclosureState To,
    int ItemVersion,
    string? Comment = null,
    string? FindingId = null,
    bool IsPublic = false);

/// <summary>A finding a reviewer accepted as it is, and why.</summary>
public sealed record FindingAcceptance(string FindingId, Actor Reviewer, DateTimeOffset At, string Reason);
