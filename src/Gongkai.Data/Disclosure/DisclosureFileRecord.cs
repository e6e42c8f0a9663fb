namespace Gongkai.Data.Disclosure;

/// <summary>
/// An uploaded attachment (附件) of a disclosure item, stored with the item in the database: the bytes,
/// the name as uploaded, the type checked against the content, the size and the SHA-256 of the bytes.
/// The item's attachments (its <c>AttachmentsJson</c>) refer to it by <see cref="Id"/>; a file stays
/// while any version of the item may refer to it. Written once, never changed.
/// </summary>
public sealed class DisclosureFileRecord
{
    public Guid Id { get; set; }

    public Guid ItemId { get; set; }

    /// <summary>File name as uploaded (path parts removed), e.g. <c>附件1 资金分配表.xlsx</c>.</summary>
    public required string Name { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of <see cref="Content"/>, 64 lower-case hex digits.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The user id of the uploader.</summary>
    public required string UploadedBy { get; set; }
}
