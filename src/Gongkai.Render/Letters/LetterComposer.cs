using System.Collections.Immutable;
using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;

namespace Gongkai.Render.Letters;

/// <summary>What a letter is written from: the case, the step (1-based event sequence), which letter, who issues it and its 文号.</summary>
/// <param name="Case">The case (its later events are ignored: the letter says what was true on the step's day).</param>
/// <param name="Sequence">1-based position of the step among the case's events.</param>
/// <param name="Kind">Which of the step's letters (<see cref="LetterComposer.KindsFor"/>).</param>
/// <param name="Issuer">The agency and its settings.</param>
/// <param name="DocumentNumber">The 文号 allocated for this letter.</param>
/// <param name="Rules">The case rules (calendar, counting policy) the domain derives dates with.</param>
public sealed record LetterRequest(ApplicationCase Case, int Sequence, LetterKind Kind, LetterIssuer Issuer, string DocumentNumber, CaseRules? Rules = null);

/// <summary>
/// Writes the letters of a case from its events, citing the 条例's articles: every date and period comes
/// from the domain (answer date, consultation reply date, fee payment date), never recomputed here;
/// reasons come from the <see cref="DecisionGrounds"/> catalogue plus the staff's own words; every adverse
/// letter ends with the 救济途径 naming the agency's 复议机关 and court.
/// </summary>
public static class LetterComposer
{
    /// <summary>行政复议法 (2023) Art. 20: 60 days from the day the applicant learns of the act.</summary>
    public const int ReviewPeriodDays = 60;

    /// <summary>行政诉讼法 Art. 46: 6 months from the day the applicant learns of the act.</summary>
    public const int LitigationPeriodMonths = 6;

    private const string Regulation = DecisionGrounds.Regulation;

    /// <summary>The letters of step <paramref name="sequence"/> (1-based); empty when the step sends none.</summary>
    public static IReadOnlyList<LetterKind> KindsFor(ApplicationCase c, int sequence)
    {
        if (sequence < 1 || sequence > c.Events.Length)
        {
            return [];
        }

        return c.Events[sequence - 1] switch
        {
            Registered => [LetterKind.Receipt],
            SupplementRequested => [LetterKind.SupplementNotice],
            ConsultationStarted => [LetterKind.ConsultationLetter],
            Extended => [LetterKind.ExtensionNotice],
            FeeNotified => [LetterKind.FeeNotice],
            Abandoned => [LetterKind.Reply],
            Decided d when ObjectingThirdParty(c.Events.Take(sequence), d) is not null => [LetterKind.Reply, LetterKind.ThirdPartyNotice],
            Decided => [LetterKind.Reply],
            _ => [],
        };
    }

    /// <summary>The letter. Throws <see cref="ArgumentException"/> if the step has no such letter.</summary>
    public static Letter Compose(LetterRequest request)
    {
        if (!KindsFor(request.Case, request.Sequence).Contains(request.Kind))
        {
            throw new ArgumentException($"step {request.Sequence} has no {request.Kind.Code()} letter", nameof(request));
        }

        var rules = request.Rules ?? CaseRules.Default;
        // The case as it stood on the step's day: its deadline then, its running consultation, its fee.
        var then = ApplicationCase.Replay(request.Case.Events.Take(request.Sequence), rules);
        var step = then.Events[^1];
        var w = new Writer(then, step, request.Issuer, rules);
        var (recipient, paragraphs, attachments) = request.Kind switch
        {
            LetterKind.Receipt => w.Receipt(),
            LetterKind.SupplementNotice => w.Supplement((SupplementRequested)step),
            LetterKind.ConsultationLetter => w.Consultation((ConsultationStarted)step),
            LetterKind.ExtensionNotice => w.Extension((Extended)step),
            LetterKind.FeeNotice => w.Fee((FeeNotified)step),
            LetterKind.Reply => w.Reply(),
            LetterKind.ThirdPartyNotice => w.ThirdPartyNotice((Decided)step),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
        var issuer = request.Issuer;
        var contact = issuer.Phone is null && issuer.Address is null
            ? null
            : "（联系电话：" + (issuer.Phone ?? "—") + "；地址：" + (issuer.Address ?? "—") + "）";
        return new Letter(request.Kind, issuer.Name, request.DocumentNumber, request.Kind.Title(), recipient, [.. paragraphs], [.. attachments], issuer.Name, step.OccurredOn, contact);
    }

    /// <summary>The 救济途径 sentence naming the bodies and periods.</summary>
    public static string Remedy(LetterIssuer issuer, string act = "本答复") =>
        $"如对{act}不服，可以自收到{act}之日起{ReviewPeriodDays}日内向{issuer.ReviewBody ?? "有权受理的行政复议机关"}申请行政复议，"
        + $"也可以自收到{act}之日起{LitigationPeriodMonths}个月内向{issuer.Court ?? "有管辖权的人民法院"}提起行政诉讼。";

    /// <summary>Whether a decision is adverse to the applicant (everything but 予以公开): its letter states the remedies.</summary>
    public static bool IsAdverse(ApplicationOutcome outcome) => outcome != ApplicationOutcome.Granted;

    private static ConsultationStarted? ObjectingThirdParty(IEnumerable<ApplicationEvent> events, Decided d)
    {
        if (d.Outcome is not (ApplicationOutcome.Granted or ApplicationOutcome.PartiallyGranted))
        {
            return null;
        }

        ConsultationStarted? started = null;
        ConsultationStarted? objected = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case ConsultationStarted s:
                    started = s;
                    break;
                case ConsultationEnded { Reply: ConsultationReply.Objected } when started is { Party: ConsultationParty.ThirdParty }:
                    objected = started;
                    break;
            }
        }

        return objected;
    }

    private static string Zh(DateOnly date) => LetterDates.Zh(date);

    private static string Provisional(CalendarAnswer<DateOnly> answer) => answer.IsProvisional ? "（暂定，该年度放假安排尚未公布）" : string.Empty;

    private sealed class Writer(ApplicationCase c, ApplicationEvent step, LetterIssuer issuer, CaseRules rules)
    {
        private readonly Application _app = c.Application;

        private string About =>
            $"本机关于{Zh(_app.ReceivedOn)}收到您（单位）提出的政府信息公开申请（申请编号：{_app.TrackingNumber}），申请获取“{_app.Description}”";

        private string Applicant => _app.Applicant.Name;

        public (string, IEnumerable<string>, IEnumerable<string>) Receipt()
        {
            var due = c.Deadline(rules);
            var dueText = due.DueOn is { } d
                ? $"即于{Zh(d)}前{(due.IsProvisional ? "（暂定，该年度放假安排尚未公布）" : string.Empty)}"
                : string.Empty;
            string[] body =
            [
                $"{About}。",
                $"您通过{CaseworkText.Of(_app.Channel)}方式提出申请，{ReceiptRuleText()}本机关收到申请的日期为{Zh(_app.ReceivedOn)}。",
                $"依照{Regulation}第三十三条的规定，本机关将自收到申请之日起{WorkingDays.AnswerPeriod.Count}个工作日内予以答复，{dueText}答复。"
                    + "如需要补正、征求第三方或者其他机关意见、延长答复期限或者收取信息处理费，本机关将另行书面告知；征求意见所需时间不计算在答复期限内。",
                "特此回执。",
            ];
            return (Applicant, body, []);
        }

        private string ReceiptRuleText() => _app.Channel switch
        {
            ReceiptChannel.InPerson => $"依照{Regulation}第三十一条第（一）项，当面提交的，以提交之日为收到申请之日，",
            ReceiptChannel.Oral => $"依照{Regulation}第二十九条第一款由本机关代为填写申请，并依照第三十一条第（一）项以提出之日为收到申请之日，",
            ReceiptChannel.Post when _app.Evidence.SignedForOn is not null => $"依照{Regulation}第三十一条第（二）项，以邮寄方式提交的，以本机关签收之日为收到申请之日，",
            ReceiptChannel.Post => $"依照{Regulation}第三十一条第（二）项，以平常信函等无需签收的邮寄方式提交的，以本机关与您确认之日为收到申请之日，",
            _ => $"依照{Regulation}第三十一条第（三）项，通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日，",
        };

        public (string, IEnumerable<string>, IEnumerable<string>) Supplement(SupplementRequested s)
        {
            var period = s.SupplyBy is { } by ? $"请于{Zh(by)}前" : "请在合理期限内";
            string[] body =
            [
                $"{About}。经审查，您的申请内容不明确。依照{Regulation}第三十条的规定，现一次性告知您需要补正的事项如下：",
                s.Items,
                $"{period}向本机关提交补正后的申请。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
                "特此告知。",
            ];
            return (Applicant, body, []);
        }

        public (string, IEnumerable<string>, IEnumerable<string>) Consultation(ConsultationStarted s)
        {
            var reply = c.ConsultationReplyDue(rules)!.Value;
            var days = WorkingDays.ConsultationPeriod.Count;
            var when = $"自收到本函之日起{days}个工作日内（{Zh(reply.Value)}前{Provisional(reply)}）";
            IEnumerable<string> body = s.Party == ConsultationParty.ThirdParty
                ?
                [
                    $"本机关于{Zh(_app.ReceivedOn)}收到政府信息公开申请（申请编号：{_app.TrackingNumber}），申请人申请获取“{_app.Description}”。经审查，该信息的公开可能损害贵方的合法权益。",
                    $"依照{Regulation}第三十二条的规定，现书面征求贵方意见。请贵方{when}以书面形式提出是否同意公开的意见；不同意公开的，请说明理由。",
                    "贵方逾期未提出意见的，由本机关依照条例的规定决定是否公开。贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。",
                    "特此函告。",
                ]
                :
                [
                    $"本机关于{Zh(_app.ReceivedOn)}收到政府信息公开申请（申请编号：{_app.TrackingNumber}），申请人申请获取“{_app.Description}”。该信息涉及贵机关。",
                    $"依照{Regulation}第三十四条的规定，现征求贵机关意见。请贵机关{when}提出意见；逾期未提出意见的，视为同意公开。",
                    "特此函告。",
                ];
            return (s.PartyName, body, ["政府信息公开申请表（复印件）"]);
        }

        public (string, IEnumerable<string>, IEnumerable<string>) Extension(Extended x)
        {
            var due = c.Deadline(rules);
            var newDue = due.DueOn is { } d ? $"，延长后的答复期限至{Zh(d)}{(due.IsProvisional ? "（暂定）" : string.Empty)}" : string.Empty;
            string[] body =
            [
                $"{About}。因{x.Reason}，本机关不能在规定期限内作出答复。",
                $"依照{Regulation}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{x.WorkingDays}个工作日{newDue}。",
                "特此告知。",
            ];
            return (Applicant, body, []);
        }

        public (string, IEnumerable<string>, IEnumerable<string>) Fee(FeeNotified f)
        {
            var payBy = c.FeePaymentDue(rules)!.Value;
            var quote = FeeCalculator.Quote(f.Method, f.Units, f.PriorRequestsInMonth);
            var unit = f.Method == FeeMethod.PerRequest ? "件" : "页";
            var body = new List<string>
            {
                $"{About}。依照{Regulation}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关依法收取信息处理费。",
                f.Method == FeeMethod.PerRequest
                    ? $"计收方式：按件计收。您本月此前已提出申请{f.PriorRequestsInMonth}件，本申请计{f.Units}件。"
                    : $"计收方式：按量计收。本申请所需信息共{f.Units}页。",
            };
            foreach (var line in quote.Lines.Where(l => l.Rate > 0))
            {
                body.Add(string.Create(CultureInfo.InvariantCulture, $"第{line.From}至{line.To}{unit}：{line.Units}{unit}×{line.Rate:0.##}元＝{line.Amount:0.##}元。"));
            }

            body.Add(string.Create(CultureInfo.InvariantCulture, $"应缴金额合计：{f.Amount:0.##}元。")
                + $"请于收到本通知次日起{WorkingDays.FeePaymentPeriod.Count}个工作日内（{Zh(payBy.Value)}前{Provisional(payBy)}）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。");
            body.Add("特此通知。");
            return (Applicant, body, []);
        }

        public (string, IEnumerable<string>, IEnumerable<string>) Reply()
        {
            var outcome = c.Outcome!.Value;
            var decided = step as Decided;
            var ground = DecisionGrounds.Find(decided?.Ground) ?? DecisionGrounds.Default(outcome);
            var body = new List<string> { $"{About}。经审查，现答复如下：" };
            body.Add("一、处理决定：" + Decision(outcome, decided));
            var facts = FactSentence(outcome, ground);
            var own = decided?.Reasons is { Length: > 0 } r ? r.TrimEnd('。') + "。" : string.Empty;
            body.Add("二、事实和理由：" + own + facts);
            // An event stored before grounds existed cites what was typed then, without quoting a provision it may not name.
            var basis = decided is { Ground: null, LegalGround: { Length: > 0 } typed }
                ? $"三、法律依据：{typed.TrimEnd('。')}。"
                : $"三、法律依据：{ground.Article}规定：“{ground.Provision}”";
            if (decided?.Ground is not null && outcome == ApplicationOutcome.PartiallyGranted && DecisionGrounds.Default(outcome) is { } separable && separable.Code != ground.Code)
            {
                // 部分公开 rests on Art. 37 and on the ground that keeps the rest back.
                basis = $"三、法律依据：{separable.Article}规定：“{separable.Provision}”{ground.Article}规定：“{ground.Provision}”";
            }

            body.Add(basis);
            var attachments = new List<string>();
            if (How(outcome, decided, ground) is { } how)
            {
                body.Add("四、" + how);
            }

            if (outcome is ApplicationOutcome.Granted or ApplicationOutcome.PartiallyGranted && ground.Code != "granted.already-public")
            {
                attachments.Add(outcome == ApplicationOutcome.Granted ? "所申请公开的政府信息" : "所申请公开的政府信息（可以公开的部分）");
            }

            if (IsAdverse(outcome))
            {
                body.Add((body.Count == 5 ? "五、" : "四、") + "救济途径：" + Remedy(issuer, outcome is ApplicationOutcome.OtherNoSupplement or ApplicationOutcome.OtherFeeUnpaid ? "本告知" : "本答复"));
            }

            body.Add("特此答复。");
            return (Applicant, body, attachments);
        }

        private static string Decision(ApplicationOutcome outcome, Decided? d) => outcome switch
        {
            ApplicationOutcome.Granted => "予以公开。",
            ApplicationOutcome.PartiallyGranted => "部分公开。本机关向您提供可以公开的政府信息内容，对不予公开的内容说明理由如下。",
            >= ApplicationOutcome.WithheldStateSecret and <= ApplicationOutcome.WithheldAdministrativeQuery => "不予公开。",
            ApplicationOutcome.UnableNotHeld when d?.HeldBy is { Length: > 0 } => "无法提供。本机关不掌握您申请的政府信息。",
            ApplicationOutcome.UnableNotHeld => "无法提供。经检索，本机关没有您申请的政府信息。",
            >= ApplicationOutcome.UnableNeedsCreation and <= ApplicationOutcome.UnableUnclearAfterSupplement => "无法提供。",
            >= ApplicationOutcome.NotProcessedPetition and <= ApplicationOutcome.NotProcessedReconfirmation => "不予处理。",
            ApplicationOutcome.OtherNoSupplement => "视为放弃申请，本机关不再处理该政府信息公开申请（其他处理）。",
            ApplicationOutcome.OtherFeeUnpaid => "视为放弃申请，本机关不再处理该政府信息公开申请（其他处理）。",
            _ => "其他处理：" + CaseworkText.Of(outcome) + "。",
        };

        private string FactSentence(ApplicationOutcome outcome, DecisionGround ground) => outcome switch
        {
            ApplicationOutcome.Granted when ground.Code == "granted.already-public" => "您申请获取的政府信息本机关已主动公开。",
            ApplicationOutcome.Granted => "您申请获取的政府信息属于可以公开的政府信息。",
            ApplicationOutcome.PartiallyGranted => $"您申请获取的政府信息中含有不应当公开的内容（{ground.Name}），能够作区分处理。",
            ApplicationOutcome.OtherNoSupplement => c.Events.OfType<SupplementRequested>().FirstOrDefault() is { } s
                ? $"本机关已于{Zh(s.OccurredOn)}一次性告知您补正，{(s.SupplyBy is { } by ? $"补正期限至{Zh(by)}，" : string.Empty)}您无正当理由逾期未补正。"
                : "您无正当理由逾期未补正。",
            ApplicationOutcome.OtherFeeUnpaid => c.FeePaymentDue(rules) is { } pay
                ? $"本机关已发出收费通知，缴费期限至{Zh(pay.Value)}，您逾期未缴纳信息处理费。"
                : "您逾期未缴纳信息处理费。",
            _ => $"您申请获取的信息属于“{ground.Name}”的情形。",
        };

        private string? How(ApplicationOutcome outcome, Decided? d, DecisionGround ground) => outcome switch
        {
            ApplicationOutcome.Granted when ground.Code == "granted.already-public" => "获取方式：该信息已在本机关政府信息公开平台主动公开，您可以通过该平台查阅、下载，或者到本机关政府信息公开工作机构查阅。",
            ApplicationOutcome.Granted or ApplicationOutcome.PartiallyGranted => $"提供方式：本机关按照您申请的形式（{Delivery(_app.DeliveryForm)}）提供{(outcome == ApplicationOutcome.PartiallyGranted ? "可以公开的部分" : "该政府信息")}，见附件。",
            ApplicationOutcome.UnableNotHeld when d?.HeldBy is { Length: > 0 } holder => $"负责公开的机关：经了解，该政府信息由{holder}负责公开，您可以向该机关提出申请。",
            ApplicationOutcome.WithheldAdministrativeQuery => "办理途径：请依照有关法律、行政法规的规定向相应登记机关办理查询。",
            ApplicationOutcome.NotProcessedPetition => "办理途径：您反映的诉求，可以通过信访、投诉、举报等相应渠道提出。",
            ApplicationOutcome.NotProcessedPublication => "获取途径：公开出版物可以通过公开发行渠道或者公共图书馆、档案馆获取。",
            _ => null,
        };

        private static string Delivery(DeliveryForm form) => form switch
        {
            DeliveryForm.Paper => "纸质",
            DeliveryForm.Email => "电子邮件",
            DeliveryForm.ElectronicMedia => "光盘、U盘等电子数据",
            DeliveryForm.Inspection => "当场查阅、抄录",
            _ => "其他适当形式",
        };

        public (string, IEnumerable<string>, IEnumerable<string>) ThirdPartyNotice(Decided d)
        {
            var party = ObjectingThirdParty(c.Events, d)!;
            var decision = d.Outcome == ApplicationOutcome.Granted ? "予以公开" : "部分公开";
            var reasons = d.Reasons is { Length: > 0 } r ? r.TrimEnd('。') + "。" : string.Empty;
            string[] body =
            [
                $"本机关于{Zh(party.OccurredOn)}就政府信息公开申请（申请编号：{_app.TrackingNumber}）书面征求贵方意见，贵方不同意公开。",
                $"经审查，本机关认为不公开可能对公共利益造成重大影响，依照{Regulation}第三十二条的规定，决定{decision}。",
                $"决定公开的政府信息内容：“{_app.Description}”。",
                $"决定公开的理由：{reasons}不公开该信息可能对公共利益造成重大影响。",
                "救济途径：" + Remedy(issuer, "本决定"),
                "特此告知。",
            ];
            return (party.PartyName, body, []);
        }
    }
}
