namespace Gongkai.Web.Tests.Infrastructure;

/// <summary>
/// The Chromium tests (journeys and the crawl): one at a time, and not beside the other test
/// collections, so a loaded machine cannot stall a page past the tests' waits.
/// </summary>
[CollectionDefinition("browser", DisableParallelization = true)]
public sealed class BrowserTestGroup;
