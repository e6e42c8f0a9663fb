namespace Gongkai.Domain.Disclosure;

/// <summary>Where an item is in its life.</summary>
public enum DisclosureState
{
    /// <summary>草稿: the officer writes and edits.</summary>
    Draft,

    /// <summary>保密审查: secrecy review.</summary>
    SecrecyReview,

    /// <summary>合法性审查: legality review.</summary>
    LegalityReview,

    /// <summary>已审核: every review passed; ready to publish.</summary>
    Approved,

    /// <summary>已发布.</summary>
    Published,

    /// <summary>已更正: published, as a later version with a public note.</summary>
    Corrected,

    /// <summary>已撤回: removed from the public 目录 with a public note.</summary>
    Withdrawn,
}
