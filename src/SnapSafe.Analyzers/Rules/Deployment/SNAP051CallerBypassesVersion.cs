using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Deployment;

namespace SnapSafe.Analyzers.Rules.Deployment
{
    /// <summary>
    /// SNAP051: a caller wired to the function's unqualified name or ARN (a URL, an event source mapping, a
    /// permission, an integration, a target), so it invokes <c>$LATEST</c>. Reported on the reference; for SAM events
    /// and <c>FunctionUrlConfig</c> of a function without <c>AutoPublishAlias</c>, on the event or the setting.
    /// </summary>
    internal static class SNAP051CallerBypassesVersion
    {
        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP051CallerBypassesVersion;

        public static IEnumerable<TemplateFinding> Find(DeploymentScope scope)
        {
            foreach (var caller in scope.Model.Callers)
            {
                var function = caller.Function;
                if (caller.Qualified || !ReferenceEquals(function.File, scope.File) || !scope.IsChecked(function))
                {
                    continue;
                }

                string fix;
                switch (caller.Kind)
                {
                    case CallerKind.SamEvent:
                    case CallerKind.SamFunctionUrl:
                        // With no version published at all, SNAP050 says it; AutoPublishAlias then fixes both.
                        if (!scope.Model.IsPublished(function))
                        {
                            continue;
                        }

                        fix = "add AutoPublishAlias, and SAM wires it to the alias";
                        break;

                    case CallerKind.ToolsFunctionUrl:
                        fix = "create the URL on an alias instead (aws lambda create-function-url-config --qualifier)";
                        break;

                    default:
                        fix = function.Kind == FunctionKind.Serverless
                            ? "reference the alias instead (!Ref " + function.Name + ".Alias, or ${" + function.Name + ".Arn}:<alias>)"
                            : "reference an AWS::Lambda::Alias or AWS::Lambda::Version of it instead";
                        break;
                }

                yield return new TemplateFinding(Descriptor, caller.Node.Span, new object[] { function.Name, Capitalized(caller.Caller), fix });
            }
        }

        private static string Capitalized(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text.Substring(1) : text;
    }
}
