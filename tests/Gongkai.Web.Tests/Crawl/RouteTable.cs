using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Crawl;

/// <summary>
/// The app's own endpoints (its <see cref="EndpointDataSource"/>), asked whether a form's target exists:
/// a route that matches the path (constraints included) and, for a Razor page, a handler for the method
/// and the <c>handler</c> name. Nothing is sent to the app, so no form is submitted.
/// </summary>
public sealed class RouteTable
{
    private readonly List<(RouteEndpoint Endpoint, TemplateMatcher Matcher)> _routes;
    private readonly IInlineConstraintResolver _constraints;
    private readonly PageLoader _pages;

    public RouteTable(IServiceProvider services)
    {
        _constraints = services.GetRequiredService<IInlineConstraintResolver>();
        _pages = services.GetRequiredService<PageLoader>();
        _routes = [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (e, new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary(e.RoutePattern.Defaults))))];
    }

    /// <summary>Null when <paramref name="method"/> <paramref name="path"/> (with <paramref name="handler"/>) reaches an endpoint; otherwise what is missing, in Chinese.</summary>
    public async Task<string?> ProblemAsync(string method, string path, string? handler)
    {
        var matched = false;
        foreach (var (endpoint, matcher) in _routes)
        {
            var values = new RouteValueDictionary();
            if (!matcher.TryMatch(path, values) || !ConstraintsHold(endpoint.RoutePattern, values))
            {
                continue;
            }

            matched = true;
            var name = handler ?? values["handler"] as string;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await _pages.LoadAsync(page, endpoint.Metadata);
                if (compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    return null;
                }
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
                || methods.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return matched ? $"页面 {path} 没有处理 {method} {handler ?? "（无 handler）"} 的方法" : $"没有与 {path} 对应的路由";
    }

    private bool ConstraintsHold(RoutePattern pattern, RouteValueDictionary values)
    {
        foreach (var (name, policies) in pattern.ParameterPolicies)
        {
            foreach (var policy in policies)
            {
                if (policy.Content is { } content && _constraints.ResolveConstraint(content) is { } constraint
                    && !constraint.Match(null, null, name, values, RouteDirection.IncomingRequest))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
