using Gongkai.Domain.Casework;

namespace Gongkai.Web.Casework;

/// <summary>Which letters of a case are addressed to the applicant (the portal offers only these; a 征求意见函 goes to a third party).</summary>
public static class ApplicantLetters
{
    /// <summary>A list of what is allowed, not of what is not: a new kind of letter is the applicant's only once it is added here.</summary>
    public static bool IsAddressedToApplicant(ApplicationEvent step) =>
        step is Registered or SupplementRequested or Extended or FeeNotified or Decided
        && Letters.LetterGenerator.Title(step) is not null;
}
