namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// Tests that measure the process (peak memory): one at a time and not beside the other test collections,
/// so what they measure is theirs.
/// </summary>
[CollectionDefinition("measured alone", DisableParallelization = true)]
public sealed class MeasuredAloneGroup;
