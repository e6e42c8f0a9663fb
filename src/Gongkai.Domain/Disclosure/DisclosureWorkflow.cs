using System.Collections.Immutable;
using Gongkai.Domain.Results;

namespace Gongkai.Domain.Disclosure;

/// <summary>
/// The review of one item as a state machine with append-only history:
/// <c>Draft → SecrecyReview → LegalityReview → Approved → Published</c>, with <c>Return</c> back to
/// Draft (with comments) from any review state, and <c>Published → Corrected</c> (new version, public
/// note) or <c>→ Withdrawn</c> (public note). Immutable: each command returns a new workflow or a
/// refusal code; nothing throws for a refused command.
/// <para>
/// Guarantees: an item is published only after a submission and both reviews of the <em>same</em>
/// version, by two <em>different</em> reviewers, neither of whom wrote, edited or submitted it
/// (separation of duties); 保密审查 passes only when no personal-data finding is open or the reviewer
/// records a reason for keeping them; and every blocking finding of that version's check is accepted with a reason (editing the text is the other way to resolve a finding: it returns
/// the item to Draft and a new check runs on resubmission).
/// </para>
/// </summary>
public sealed record DisclosureWorkflow
{
    private DisclosureWorkflow()
    {
    }

    public required DisclosureItem Item { get; init; }

    public required DisclosureState State { get; init; }

    public ReviewPolicy Policy { get; init; } = ReviewPolicy.Open;

    /// <summary>Everyone who created, edited or submitted the draft (its drafters); none of them may review it.</summary>
    public ImmutableHashSet<string> Authors { get; init; } = [];

    /// <summary>The history, oldest first.</summary>
    public ImmutableArray<WorkflowStep> Steps { get; init; } = [];

    /// <summary>The check of the submitted version; null while in Draft.</summary>
    public ItemCheckResult? Checks { get; init; }

    /// <summary>Findings of <see cref="Checks"/> accepted by a reviewer.</summary>
    public ImmutableArray<FindingAcceptance> Acceptances { get; init; } = [];

    /// <summary>Earlier versions of the item (before corrections), oldest first.</summary>
    public ImmutableArray<DisclosureItem> PreviousVersions { get; init; } = [];

    /// <summary>Blocking findings of the current check not yet accepted.</summary>
    public IEnumerable<Finding> OpenFindings =>
        Checks?.Findings.Where(f => f.Blocking && !Acceptances.Any(a => a.FindingId == f.Id)) ?? [];

    public bool IsPublic => State is DisclosureState.Published or DisclosureState.Corrected;

    /// <summary>Open findings that are personal data: 保密审查 needs a recorded reason to pass with any of them.</summary>
    public IEnumerable<Finding> OpenPersonalData => OpenFindings.Where(f => f.IsPersonalData);

    /// <summary>Who passed 保密审查 of the current submission; null before that (or after a return).</summary>
    public Actor? SecrecyReviewer => StepsSinceSubmission().LastOrDefault(s => s.Kind == StepKind.SecrecyPassed)?.Actor;

    /// <summary>Whether <paramref name="actor"/> may take the review now pending: not a drafter, designated, and for 合法性审查 not the 保密审查 reviewer.</summary>
    public bool MayReviewNow(Actor actor) => State switch
    {
        DisclosureState.SecrecyReview => !Authors.Contains(actor.Id) && Policy.MaySecrecyReview(actor),
        DisclosureState.LegalityReview => !Authors.Contains(actor.Id) && Policy.MayLegalityReview(actor) && SecrecyReviewer?.Id != actor.Id,
        _ => false,
    };

    /// <summary>Public notes (corrections, withdrawal), oldest first.</summary>
    public IEnumerable<WorkflowStep> PublicNotes => Steps.Where(s => s.IsPublic);

    /// <summary>Starts a workflow: a draft of <paramref name="item"/> by <paramref name="author"/>.</summary>
    public static Result<DisclosureWorkflow> Start(DisclosureItem item, Actor author, DateTimeOffset at, ReviewPolicy? policy = null)
    {
        if (!item.Validate().IsEmpty)
        {
            return DisclosureCodes.Problem(DisclosureCodes.ItemInvalid);
        }

        var draft = item with { Version = 1, IndexNumber = null, PublishedOn = null, WithdrawnOn = null };
        return new DisclosureWorkflow
        {
            Item = draft,
            State = DisclosureState.Draft,
            Policy = policy ?? ReviewPolicy.Open,
            Authors = [author.Id],
            Steps = [new WorkflowStep(1, StepKind.Created, author, at, DisclosureState.Draft, DisclosureState.Draft, 1)],
        };
    }

    /// <summary>Rebuilds a workflow from storage. Trusts its input: use only for what this type produced.</summary>
    public static DisclosureWorkflow Restore(
        DisclosureItem item,
        DisclosureState state,
        ReviewPolicy policy,
        IEnumerable<string> authors,
        IEnumerable<WorkflowStep> steps,
        ItemCheckResult? checks,
        IEnumerable<FindingAcceptance> acceptances,
        IEnumerable<DisclosureItem>? previousVersions = null) => new()
    {
        Item = item,
        State = state,
        Policy = policy,
        Authors = [.. authors],
        Steps = [.. steps.OrderBy(s => s.Sequence)],
        Checks = checks,
        Acceptances = [.. acceptances],
        PreviousVersions = [.. previousVersions ?? []],
    };

    /// <summary>Replaces the draft's content. Only in Draft; the editor becomes an author.</summary>
    public Result<DisclosureWorkflow> Edit(Actor actor, DisclosureItem changed, DateTimeOffset at)
    {
        if (State != DisclosureState.Draft)
        {
            return DisclosureCodes.Problem(DisclosureCodes.WrongState);
        }

        if (changed.Id != Item.Id || changed.IndexNumber is not null)
        {
            return DisclosureCodes.Problem(DisclosureCodes.IdentityChanged);
        }

        if (!changed.Validate().IsEmpty)
        {
            return DisclosureCodes.Problem(DisclosureCodes.ItemInvalid);
        }

        return Append(StepKind.Edited, actor, at, DisclosureState.Draft) with
        {
            Item = changed with { Version = Item.Version, PublishedOn = null, WithdrawnOn = null },
            Authors = Authors.Add(actor.Id),
        };
    }

    /// <summary>
    /// Sends the draft to 保密审查 with the automatic checks of this exact content. Whoever submits
    /// answers for the draft as a drafter and may not review it.
    /// </summary>
    public Result<DisclosureWorkflow> Submit(Actor actor, ItemCheckResult checks, DateTimeOffset at)
    {
        if (State != DisclosureState.Draft)
        {
            return DisclosureCodes.Problem(DisclosureCodes.WrongState);
        }

        if (checks.ContentFingerprint != Item.ContentFingerprint())
        {
            return DisclosureCodes.Problem(DisclosureCodes.ChecksStale);
        }

        return Append(StepKind.Submitted, actor, at, DisclosureState.SecrecyReview) with
        {
            Checks = checks,
            Acceptances = [],
            Authors = Authors.Add(actor.Id),
        };
    }

    /// <summary>Records that <paramref name="reviewer"/> accepts a finding as it is, with a reason.</summary>
    public Result<DisclosureWorkflow> AcceptFinding(Actor reviewer, string findingId, string reason, DateTimeOffset at)
    {
        if (State is not (DisclosureState.SecrecyReview or DisclosureState.LegalityReview))
        {
            return DisclosureCodes.Problem(DisclosureCodes.WrongState);
        }

        if (Authors.Contains(reviewer.Id))
        {
            return DisclosureCodes.Problem(DisclosureCodes.OwnDraft);
        }

        var mayReview = State == DisclosureState.SecrecyReview ? Policy.MaySecrecyReview(reviewer) : Policy.MayLegalityReview(reviewer);
        if (!mayReview)
        {
            return DisclosureCodes.Problem(DisclosureCodes.NotDesignated);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return DisclosureCodes.Problem(DisclosureCodes.CommentRequired);
        }

        if (Checks?.Find(findingId) is null)
        {
            return DisclosureCodes.Problem(DisclosureCodes.UnknownFinding);
        }

        var reasonText = reason.Trim();
        return Append(StepKind.FindingAccepted, reviewer, at, State, reasonText, findingId) with
        {
            Acceptances = Acceptances.Add(new FindingAcceptance(findingId, reviewer, at, reasonText)),
        };
    }

    /// <summary>
    /// 保密审查 passed. The reviewer may not be a drafter. While personal-data findings are open it is
    /// refused (<see cref="DisclosureCodes.PersonalDataOpen"/>) unless the reviewer gives
    /// <paramref name="personalDataReason"/>: then each open personal-data finding is accepted with that
    /// reason (one <see cref="StepKind.FindingAccepted"/> step each, before the pass).
    /// </summary>
    public Result<DisclosureWorkflow> PassSecrecyReview(Actor reviewer, DateTimeOffset at, string? comment = null, string? personalDataReason = null)
    {
        if (State != DisclosureState.SecrecyReview)
        {
            return DisclosureCodes.Problem(DisclosureCodes.WrongState);
        }

        if (Authors.Contains(reviewer.Id))
        {
            return DisclosureCodes.Problem(DisclosureCodes.OwnDraft);
        }

        if (!Policy.MaySecrecyReview(reviewer))
        {
            return DisclosureCodes.Problem(DisclosureCodes.NotDesignated);
        }

        var personal = OpenPersonalData.ToList();
        if (personal.Count > 0 && string.IsNullOrWhiteSpace(personalDataReason))
        {
            return DisclosureCodes.Problem(DisclosureCodes.PersonalDataOpen);
        }

        var w = this;
        foreach (var f in personal)
        {
            w = w.AcceptFinding(reviewer, f.Id, personalDataReason!, at).Value;
        }

        return w.Append(StepKind.SecrecyPassed, reviewer, at, DisclosureState.LegalityReview, comment);
    }

    /// <summary>
    /// 合法性审查 passed: the item is approved. The reviewer may be neither a drafter nor the one who
    /// passed 保密审查 (<see cref="DisclosureCodes.SameReviewer"/>). Every blocking finding must be accepted by now.
    /// </summary>
    public Result<DisclosureWorkflow> PassLegalityReview(Actor reviewer, DateTimeOffset at, string? comment = null)
    {
        if (State != DisclosureState.LegalityReview)
        {
            return DisclosureCodes.Problem(DisclosureCodes.WrongState);
        }

        if (Authors.Contains(reviewer.Id))
        {
            return DisclosureCodes.Problem(DisclosureCodes.OwnDraft);
        }

        if (!Policy.MayLegalityReview(reviewer))
        {
            return DisclosureCodes.Problem(DisclosureCodes.NotDesignated);
        }

        if (SecrecyReviewer?.Id == reviewer.Id)
        {
            return DisclosureCodes.Problem(DisclosureCodes.SameReviewer);
        }

        if (OpenFindings.Any())
        {
            return DisclosureCodes.Problem(DisclosureCodes.FindingsOpen);
        }

        return Append(StepKind.LegalityPassed, reviewer, at, DisclosureState.Approved, comment);
    }

    /// <summary>Sends the item back to Draft with comments, from either review or from Approved.</summary>
    public Result<DisclosureWorkflow> Return(Actor reviewer, string comment, DateTimeOffset at)
    {
        if (State is not (DisclosureState.SecrecyReview or DisclosureState.LegalityReview or DisclosureState.Approved))
        {
            return DisclosureCodes.Problem(DisclosureCodes.WrongState);
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return DisclosureCodes.Problem(DisclosureCodes.CommentRequired);
        }

        return Append(StepKind.Returned, reviewer, at, DisclosureState.Draft, comment.Trim()) with
        {
            Checks = null,
            Acceptances = [],
        };
    }

    /// <summary>
    /// Publishes the approved item under <paramref name="indexNumber"/> (from <see cref="IndexNumberGenerator"/>)
    /// on <paramref name="publishedOn"/>.
    /// </summary>
    public Result<DisclosureWorkflow> Publish(Actor actor, IndexNumber indexNumber, DateOnly publishedOn, DateTimeOffset at)
    {
        if (State != DisclosureState.Approved || !HasCompleteReview())
        {
            return DisclosureCodes.Problem(DisclosureCodes.WrongState);
        }

        if (OpenFindings.Any())
        {
            return DisclosureCodes.Problem(DisclosureCodes.FindingsOpen);
        }

        return Append(StepKind.Published, actor, at, DisclosureState.Published) with
        {
            Item = Item with { IndexNumber = indexNumber, PublishedOn = publishedOn },
        };
    }

    /// <summary>
    /// Publishes a corrected version (更正) with a public note. Keeps the 索引号 and 发布日期; the
    /// corrected content must pass its checks with no blocking finding, by someone who is not its author.
    /// </summary>
    public Result<DisclosureWorkflow> Correct(Actor reviewer, DisclosureItem corrected, ItemCheckResult checks, string publicNote, DateTimeOffset at)
    {
        if (!IsPublic)
        {
            return DisclosureCodes.Problem(DisclosureCodes.WrongState);
        }

        if (string.IsNullOrWhiteSpace(publicNote))
        {
            return DisclosureCodes.Problem(DisclosureCodes.CommentRequired);
        }

        if (Authors.Contains(reviewer.Id))
        {
            return DisclosureCodes.Problem(DisclosureCodes.OwnDraft);
        }

        if (corrected.Id != Item.Id || (corrected.IndexNumber is not null && corrected.IndexNumber != Item.IndexNumber))
        {
            return DisclosureCodes.Problem(DisclosureCodes.IdentityChanged);
        }

        if (!corrected.Validate().IsEmpty)
        {
            return DisclosureCodes.Problem(DisclosureCodes.ItemInvalid);
        }

        var next = corrected with
        {
            Version = Item.Version + 1,
            IndexNumber = Item.IndexNumber,
            PublishedOn = Item.PublishedOn,
            WithdrawnOn = null,
        };
        if (checks.ContentFingerprint != next.ContentFingerprint())
        {
            return DisclosureCodes.Problem(DisclosureCodes.ChecksStale);
        }

        if (checks.HasBlocking)
        {
            return DisclosureCodes.Problem(DisclosureCodes.FindingsOpen);
        }

        var appended = Append(StepKind.Corrected, reviewer, at, DisclosureState.Corrected, publicNote.Trim(), isPublic: true, version: next.Version);
        return appended with
        {
            Item = next,
            PreviousVersions = PreviousVersions.Add(Item),
            Checks = checks,
            Acceptances = [],
        };
    }

    /// <summary>Withdraws the item from the public 目录, with a public note.</summary>
    public Result<DisclosureWorkflow> Withdraw(Actor actor, string publicNote, DateOnly withdrawnOn, DateTimeOffset at)
    {
        if (!IsPublic)
        {
            return DisclosureCodes.Problem(DisclosureCodes.WrongState);
        }

        if (string.IsNullOrWhiteSpace(publicNote))
        {
            return DisclosureCodes.Problem(DisclosureCodes.CommentRequired);
        }

        return Append(StepKind.Withdrawn, actor, at, DisclosureState.Withdrawn, publicNote.Trim(), isPublic: true) with
        {
            Item = Item with { WithdrawnOn = withdrawnOn },
        };
    }

    /// <summary>
    /// Whether the steps since the last submission are Submitted, SecrecyPassed and LegalityPassed in
    /// that order for the current version, by two different reviewers who are not drafters (defence in
    /// depth for <see cref="Publish"/>).
    /// </summary>
    public bool HasCompleteReview()
    {
        var since = StepsSinceSubmission();
        if (since.Count == 0)
        {
            return false;
        }

        var secrecy = since.FindIndex(s => s.Kind == StepKind.SecrecyPassed);
        var legality = since.FindIndex(s => s.Kind == StepKind.LegalityPassed);
        return secrecy > 0 && legality > secrecy
            && !since.Any(s => s.Kind is StepKind.Returned or StepKind.Edited)
            && !Authors.Contains(since[secrecy].Actor.Id) && !Authors.Contains(since[legality].Actor.Id)
            && since[secrecy].Actor.Id != since[legality].Actor.Id
            && since.All(s => s.ItemVersion == Item.Version);
    }

    /// <summary>The steps from the last submission on (the submission first); empty if never submitted.</summary>
    private List<WorkflowStep> StepsSinceSubmission()
    {
        for (var i = Steps.Length - 1; i >= 0; i--)
        {
            if (Steps[i].Kind == StepKind.Submitted)
            {
                return [.. Steps.Skip(i)];
            }
        }

        return [];
    }

    private DisclosureWorkflow Append(StepKind kind, Actor actor, DateTimeOffset at, DisclosureState to, string? comment = null, string? findingId = null, bool isPublic = false, int? version = null)
    {
        var step = new WorkflowStep(Steps.Length + 1, kind, actor, at, State, to, version ?? Item.Version, comment, findingId, isPublic);
        return this with { State = to, Steps = Steps.Add(step) };
    }
}
