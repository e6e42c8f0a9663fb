using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Data.Entities;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;

namespace Gongkai.Web.Letters;

/// <summary>What a letter needs: the agency, the case and the step the letter is for.</summary>
public sealed record LetterInput(Agency Agency, ApplicationCase Case, ApplicationEvent Step, CaseRules Rules);

/// <summary>
/// The letters of a case as Word documents (DocumentFormat.OpenXml): 受理回执, 补正告知书,
/// 征求意见函, 延期答复告知书, 收费通知 and the 答复书, whose wording follows the Table 3 outcome.
/// </summary>
public static class LetterGenerator
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string Remedy = "如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起6个月内依法提起行政诉讼。";

    /// <summary>The title of the letter for <paramref name="step"/>, or null when the step has none.</summary>
    public static string? Title(ApplicationEvent step) => step switch
    {
        Registered => "政府信息公开申请受理回执",
        SupplementRequested => "政府信息公开申请补正告知书",
        ConsultationStarted => "政府信息公开征求意见函",
        Extended => "政府信息公开延期答复告知书",
        FeeNotified => "政府信息公开信息处理费收费通知",
        Decided => "政府信息公开申请答复书",
        _ => null,
    };

    public static string FileName(LetterInput input) =>
        $"{input.Case.Application.TrackingNumber}-{Title(input.Step) ?? "letter"}.docx";

    /// <summary>The letter as a .docx file.</summary>
    public static byte[] Generate(LetterInput input)
    {
        var title = Title(input.Step) ?? throw new ArgumentException("this step has no letter", nameof(input));
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            AddStyles(main);

            body.Append(Para(input.Agency.Name, bold: true, center: true, size: 36));
            body.Append(Para(title, bold: true, center: true, size: 36));
            body.Append(Para($"{input.Agency.Code}依申请〔{input.Step.OccurredOn.Year}〕{input.Case.Application.TrackingNumber}号", center: true));
            var recipient = input.Step is ConsultationStarted c ? c.PartyName : input.Case.Applicant.Name;
            body.Append(Para($"{recipient}：", indent: false));
            foreach (var text in Paragraphs(input))
            {
                body.Append(Para(text));
            }

            body.Append(Para(string.Empty));
            body.Append(Para(input.Agency.Name, right: true));
            body.Append(Para(ChineseDate(input.Step.OccurredOn), right: true));
            if (input.Agency.Phone is { } phone)
            {
                body.Append(Para($"（联系电话：{phone}；地址：{input.Agency.Address}）", indent: false, size: 21));
            }

            body.Append(new SectionProperties(new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474 }));
            main.Document.Save();
        }

        return buffer.ToArray();
    }

    /// <summary>The body of the letter, one paragraph per string.</summary>
    public static IEnumerable<string> Paragraphs(LetterInput input)
    {
        var app = input.Case.Application;
        var received = ChineseDate(app.ReceivedOn);
        var about = $"您（单位）于{received}向本机关提出的政府信息公开申请（编号 {app.TrackingNumber}，所需信息：“{app.Description}”）";
        switch (input.Step)
        {
            case Registered:
                yield return $"{about}已于{received}收到。";
                yield return $"根据《中华人民共和国政府信息公开条例》第三十三条，本机关将自收到申请之日起20个工作日内予以答复；预计答复期限为{ChineseDate(input.Case.Deadline(input.Rules).DueOn ?? app.ReceivedOn)}（如需延长、补正或征求意见，期限将依法相应调整并另行告知）。";
                break;
            case SupplementRequested s:
                yield return $"{about}内容不够明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项如下：";
                yield return s.Items;
                yield return s.SupplyBy is { } by
                    ? $"请于{ChineseDate(by)}前补正。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"
                    : "答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。";
                break;
            case ConsultationStarted c:
                var reply = input.Rules.Calendar.AddWorkingDays(c.OccurredOn, WorkingDays.ConsultationPeriod).Value;
                yield return $"本机关收到政府信息公开申请（编号 {app.TrackingNumber}），申请公开“{app.Description}”。该信息的公开可能{(c.Party == ConsultationParty.ThirdParty ? "损害贵方合法权益" : "涉及贵机关")}。";
                yield return c.Party == ConsultationParty.ThirdParty
                    ? $"根据《中华人民共和国政府信息公开条例》第三十二条，现书面征求贵方意见。请于自收到本函之日起15个工作日内（{ChineseDate(reply)}前）提出意见；逾期未提出意见的，由本机关依照条例规定决定是否公开。"
                    : $"根据《中华人民共和国政府信息公开条例》第三十四条，现征求贵机关意见。请于自收到本函之日起15个工作日内（{ChineseDate(reply)}前）提出意见；逾期未提出意见的视为同意公开。";
                break;
            case Extended x:
                var due = input.Case.Deadline(input.Rules).DueOn;
                yield return $"{about}，因{x.Reason}，不能在规定期限内答复。";
                yield return $"根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{x.WorkingDays}个工作日{(due is { } newDue ? $"，延长后的答复期限为{ChineseDate(newDue)}" : string.Empty)}。";
                break;
            case FeeNotified f:
                var quote = FeeCalculator.Quote(f.Method, f.Units, f.PriorRequestsInMonth);
                var payBy = input.Rules.Calendar.AddWorkingDays(f.OccurredOn, WorkingDays.FeePaymentPeriod).Value;
                yield return $"{about}，根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关依法收取信息处理费。";
                yield return f.Method == FeeMethod.PerRequest
                    ? $"计收方式：按件计收。您本月此前已提出申请{f.PriorRequestsInMonth}件，本申请计{f.Units}件。"
                    : $"计收方式：按量计收。本申请所需信息共{f.Units}页。";
                foreach (var line in quote.Lines.Where(l => l.Rate > 0))
                {
                    yield return $"第{line.From}至{line.To}{(f.Method == FeeMethod.PerRequest ? "件" : "页")}：{line.Units}×{line.Rate:0.##}元＝{line.Amount:0.##}元；";
                }

                yield return $"应缴金额合计：{f.Amount:0.##}元。请于收到本通知次日起20个工作日内（{ChineseDate(payBy)}前）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。";
                break;
            case Decided d:
                foreach (var line in ReplyParagraphs(about, d))
                {
                    yield return line;
                }

                yield return Remedy;
                break;
        }
    }

    private static IEnumerable<string> ReplyParagraphs(string about, Decided d)
    {
        yield return $"{about}，本机关已收悉。经审查，现答复如下：";
        var basis = $"依据：{d.LegalGround}。";
        switch (d.Outcome)
        {
            case ApplicationOutcome.Granted:
                yield return "您申请获取的政府信息属于公开范围，本机关予以公开，现按您要求的形式提供（见附件）。";
                break;
            case ApplicationOutcome.PartiallyGranted:
                yield return "您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条，本机关向您提供可以公开的部分（见附件），对不予公开的部分说明理由如下：";
                break;
            case ApplicationOutcome.WithheldStateSecret or ApplicationOutcome.WithheldProhibitedByLaw or ApplicationOutcome.WithheldSecurityStability:
                yield return "经审查，您申请获取的政府信息依照《中华人民共和国政府信息公开条例》第十四条的规定不予公开。";
                break;
            case ApplicationOutcome.WithheldThirdParty:
                yield return "经审查，您申请获取的政府信息涉及第三方合法权益，依照《中华人民共和国政府信息公开条例》第十五条、第三十二条的规定不予公开。";
                break;
            case ApplicationOutcome.WithheldInternalAffairs:
                yield return "经审查，您申请获取的信息属于行政机关的人事管理、后勤管理、内部工作流程等内部事务信息，依照《中华人民共和国政府信息公开条例》第十六条第一款的规定可以不予公开。";
                break;
            case ApplicationOutcome.WithheldProcessInformation:
                yield return "经审查，您申请获取的信息属于行政机关在履行行政管理职能过程中形成的过程性信息，依照《中华人民共和国政府信息公开条例》第十六条第二款的规定可以不予公开。";
                break;
            case ApplicationOutcome.WithheldEnforcementFile:
                yield return "经审查，您申请获取的信息属于行政执法案卷信息，依照《中华人民共和国政府信息公开条例》第十六条第二款的规定可以不予公开。";
                break;
            case ApplicationOutcome.WithheldAdministrativeQuery:
                yield return "经审查，您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的情形，依照《中华人民共和国政府信息公开条例》第三十六条第七项的规定，请按照有关法律、行政法规的规定办理。";
                break;
            case ApplicationOutcome.UnableNotHeld:
                yield return "经检索查找，本机关未制作或者获取您申请的政府信息，该政府信息不存在。根据《中华人民共和国政府信息公开条例》第三十六条第四项的规定告知如上。";
                break;
            case ApplicationOutcome.UnableNeedsCreation:
                yield return "您申请的信息需要本机关对现有政府信息进行加工、分析，根据《中华人民共和国政府信息公开条例》第三十八条的规定，本机关可以不予提供。";
                break;
            case ApplicationOutcome.UnableUnclearAfterSupplement:
                yield return "经补正后，您的申请内容仍不明确，本机关无法确定您所需的政府信息，根据《中华人民共和国政府信息公开条例》第三十条的规定，无法提供。";
                break;
            case ApplicationOutcome.NotProcessedPetition:
                yield return "您提出的申请实质上属于信访、投诉、举报等诉求，根据《中华人民共和国政府信息公开条例》第三十九条第一款的规定，不作为政府信息公开申请处理，请通过相应渠道提出。";
                break;
            case ApplicationOutcome.NotProcessedRepeated:
                yield return "您已就相同政府信息向本机关提出过公开申请，本机关已依法答复，根据《中华人民共和国政府信息公开条例》第三十六条第六项的规定，不予重复处理。";
                break;
            case ApplicationOutcome.NotProcessedPublication:
                yield return "您申请获取的是政府公报、报刊、书籍等公开出版物，根据《中华人民共和国政府信息公开条例》第三十九条第二款的规定，请通过公开渠道获取。";
                break;
            case ApplicationOutcome.NotProcessedExcessive:
                yield return "您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，根据《中华人民共和国政府信息公开条例》第三十五条的规定，本机关不予处理。";
                break;
            case ApplicationOutcome.NotProcessedReconfirmation:
                yield return "您要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的处理范围，本机关不予处理。";
                break;
            default:
                yield return "本机关对您的申请作出如下处理：" + CaseworkText.Of(d.Outcome) + "。";
                break;
        }

        yield return basis;
    }

    public static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunProperties(
                    new RunFonts { Ascii = "FangSong", HighAnsi = "FangSong", EastAsia = "仿宋_GB2312" },
                    new FontSize { Val = "32" },
                    new Languages { EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact }))));
        styles.Styles.Save();
    }

    private static Paragraph Para(string text, bool bold = false, bool center = false, bool right = false, bool indent = true, int? size = null)
    {
        var props = new ParagraphProperties();
        if (center || right)
        {
            props.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right });
        }
        else if (indent)
        {
            props.Append(new Indentation { FirstLine = "640" });
        }

        var runProps = new RunProperties();
        if (bold)
        {
            runProps.Append(new Bold());
        }

        if (size is { } s)
        {
            runProps.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) });
        }

        return new Paragraph(props, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
