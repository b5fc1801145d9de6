using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Deployment;

namespace SnapSafe.Analyzers.Rules.Deployment
{
    /// <summary>
    /// SNAP050: SnapStart is on but nothing publishes a version (SAM <c>AutoPublishAlias</c> or an
    /// <c>AWS::Lambda::Version</c>; <c>"function-publish": true</c> in tools defaults). Reported on the function's
    /// <c>SnapStart</c> key; when SnapStart comes from <c>Globals.Function</c>, on the function's logical ID.
    /// </summary>
    internal static class SNAP050NoVersionPublished
    {
        /// <summary>Diagnostic property: the logical ID of the function the fix edits.</summary>
        public const string FunctionProperty = "Function";

        /// <summary>Diagnostic property: which edit fixes it (<see cref="AddAutoPublishAlias"/>, <see cref="SetFunctionPublish"/>).</summary>
        public const string FixProperty = "Fix";

        public const string AddAutoPublishAlias = "AutoPublishAlias";
        public const string SetFunctionPublish = "function-publish";

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP050NoVersionPublished;

        public static IEnumerable<TemplateFinding> Find(DeploymentScope scope)
        {
            foreach (var function in scope.Functions)
            {
                if (scope.Model.IsPublished(function) || function.SnapStartEntry == null)
                {
                    continue;
                }

                switch (function.Kind)
                {
                    case FunctionKind.ToolsDefaults:
                        yield return new TemplateFinding(
                            Descriptor,
                            function.SnapStartEntry.Key.Span,
                            new object[] { function.Name, "set \"function-publish\": true so that dotnet lambda deploy-function publishes a version" },
                            properties: Fix(function, SetFunctionPublish));
                        break;

                    case FunctionKind.Serverless:
                        yield return new TemplateFinding(
                            Descriptor,
                            (function.SnapStartFromGlobals && function.Resource != null ? function.Resource.Key : function.SnapStartEntry.Key).Span,
                            new object[] { function.Name, "add AutoPublishAlias (or an AWS::Lambda::Version) and invoke the alias" },
                            properties: function.Properties != null ? Fix(function, AddAutoPublishAlias) : null);
                        break;

                    default:
                        yield return new TemplateFinding(
                            Descriptor,
                            function.SnapStartEntry.Key.Span,
                            new object[] { function.Name, "add an AWS::Lambda::Version that references it, and invoke that version or an alias of it" });
                        break;
                }
            }
        }

        private static ImmutableDictionary<string, string?> Fix(DeployedFunction function, string fix)
            => ImmutableDictionary<string, string?>.Empty.Add(FunctionProperty, function.Name).Add(FixProperty, fix);
    }
}
