using System.Collections.Immutable;

namespace Gongkai.Domain.Results;

/// <summary>
/// What a person is told after a step succeeded (已报送，等待审核。): a <c>done.*</c> code of the area's
/// catalogue, worded like a <see cref="Problem"/>. Pages show <see cref="CatalogueMessage.MessageZh"/>;
/// they never write the words themselves. The code must be in the catalogue.
/// </summary>
public sealed class Notice : CatalogueMessage
{
    public Notice(MessageCatalogue catalogue, string code, ImmutableArray<string> args)
        : base(catalogue, code, args)
    {
        if (!catalogue.Contains(code))
        {
            throw new ArgumentException($"{code} is not in the {catalogue.Area} catalogue", nameof(code));
        }
    }
}
