using System.ComponentModel.DataAnnotations;
using Gongkai.Domain.Disclosure;
using Gongkai.Web.Infrastructure;

namespace Gongkai.Web.Pages.Disclosure;

/// <summary>The officer's form for a draft item.</summary>
public sealed class DraftForm
{
    [Required(ErrorMessage = FormCodes.TitleRequired)]
    [StringLength(500)]
    [Display(Name = "标题")]
    public string Title { get; set; } = "";

    [StringLength(100)]
    [Display(Name = "文号")]
    public string? DocumentNumber { get; set; }

    [Required(ErrorMessage = FormCodes.PublisherRequired)]
    [StringLength(200)]
    [Display(Name = "发布机构")]
    public string Publisher { get; set; } = "";

    [Required(ErrorMessage = FormCodes.WrittenOnRequired)]
    [Display(Name = "成文日期")]
    public DateOnly? WrittenOn { get; set; }

    [Display(Name = "变更日期")]
    public DateOnly? ChangedOn { get; set; }

    [Range(1, 15)]
    [Display(Name = "主题分类（条例第二十条）")]
    public int Art20Number { get; set; } = 1;

    [Display(Name = "文件类型")]
    public DocumentKind Kind { get; set; } = DocumentKind.Other;

    [Display(Name = "有效性")]
    public ValidityStatus Validity { get; set; } = ValidityStatus.InForce;

    [Display(Name = "施行日期")]
    public DateOnly? EffectiveFrom { get; set; }

    [Display(Name = "失效/废止日期")]
    public DateOnly? EndedOn { get; set; }

    [Display(Name = "政府网站")]
    public bool Website { get; set; } = true;

    [Display(Name = "微信公众号")]
    public bool WeChat { get; set; }

    [Display(Name = "其他渠道")]
    public bool OtherChannel { get; set; }

    [StringLength(2000)]
    [Display(Name = "内容概述")]
    public string? Summary { get; set; }

    [StringLength(200_000)]
    [Display(Name = "正文")]
    public string? Body { get; set; }

    public static DraftForm From(DisclosureItem i) => new()
    {
        Title = i.Title,
        DocumentNumber = i.DocumentNumber,
        Publisher = i.Publisher,
        WrittenOn = i.WrittenOn,
        ChangedOn = i.ChangedOn,
        Art20Number = i.Art20Number,
        Kind = i.Kind,
        Validity = i.Validity.Status,
        EffectiveFrom = i.Validity.EffectiveFrom,
        EndedOn = i.Validity.EndedOn,
        Website = i.Channels.HasFlag(Channels.Website),
        WeChat = i.Channels.HasFlag(Channels.WeChat),
        OtherChannel = i.Channels.HasFlag(Channels.Other),
        Summary = i.Summary,
        Body = i.Body,
    };

    /// <summary>The item with these fields and <paramref name="attachments"/> (uploaded files are not part of the form's text fields).</summary>
    public DisclosureItem ToItem(Guid id, IEnumerable<Attachment> attachments)
    {
        var channels = (Website ? Channels.Website : Channels.None) | (WeChat ? Channels.WeChat : Channels.None) | (OtherChannel ? Channels.Other : Channels.None);
        return new DisclosureItem
        {
            Id = id,
            Title = Title.Trim(),
            DocumentNumber = string.IsNullOrWhiteSpace(DocumentNumber) ? null : DocumentNumber.Trim(),
            Publisher = Publisher.Trim(),
            WrittenOn = WrittenOn ?? default,
            ChangedOn = ChangedOn,
            Art20Number = Art20Number,
            CatalogueCode = $"art20-{Art20Number:00}",
            Kind = Kind,
            Validity = new Validity(Validity, EffectiveFrom, Validity == ValidityStatus.InForce ? null : EndedOn),
            Channels = channels,
            Summary = string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim(),
            Body = (Body ?? "").ReplaceLineEndings("\n"),
            Attachments = [.. attachments],
        };
    }
}
