using System.Collections.Immutable;

namespace Gongkai.Domain.Results;

/// <summary>
/// Why there is no value: a stable <see cref="CatalogueMessage.Code"/> and the arguments its message
/// template takes, worded by the area's catalogue: <see cref="CatalogueMessage.MessageZh"/> is what a
/// person reads, <see cref="Message"/> (English, when the catalogue has it) is for logs.
/// </summary>
public sealed class Problem(MessageCatalogue catalogue, string code, ImmutableArray<string> args)
    : CatalogueMessage(catalogue, code, args)
{
    /// <summary>The English message, for logs (the Chinese one when the catalogue has no English template).</summary>
    public string Message => Catalogue.En(Code, Args);
}
