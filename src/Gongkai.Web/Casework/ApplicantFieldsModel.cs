using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Gongkai.Web.Casework;

/// <summary>The model of the shared applicant fields partial: the form, its name prefix and the errors to show beside each field.</summary>
public sealed record ApplicantFieldsModel(ApplicantForm Form, string Prefix, ModelStateDictionary State)
{
    public string Errors(string key) =>
        State.TryGetValue(key, out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : string.Empty;
}
