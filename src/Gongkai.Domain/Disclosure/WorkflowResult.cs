namespace Gongkai.Domain.Disclosure;

/// <summary>The result of a workflow command: the new workflow, or the code of the refusal.</summary>
public readonly record struct WorkflowResult(DisclosureWorkflow? Workflow, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>The new workflow; throws if the command was refused.</summary>
    public DisclosureWorkflow Value => Workflow ?? throw new InvalidOperationException($"Refused: {Error} {DisclosureCodes.MessageOf(Error!)}");

    public static implicit operator WorkflowResult(DisclosureWorkflow w) => new(w, null);

    public static WorkflowResult Refuse(string code) => new(null, code);
}
