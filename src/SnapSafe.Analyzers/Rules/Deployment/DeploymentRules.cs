using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers.Deployment;

namespace SnapSafe.Analyzers.Rules.Deployment
{
    /// <summary>
    /// The rules on deployment files: SNAP901 for a file that cannot be read (and nothing else for it), SNAP050 to
    /// SNAP053 and SNAP022's template form for the functions a readable file deploys with SnapStart. One
    /// AdditionalFile action reports them on the file, through the same <c>snapsafe.snapstart</c> gate as the rest.
    /// </summary>
    internal static class DeploymentRules
    {
        public static void Register(CompilationStartAnalysisContext context, DeploymentModel model, SnapStartGate gate)
        {
            if (model.Files.IsEmpty)
            {
                return;
            }

            var compilation = context.Compilation;
            context.RegisterAdditionalFileAction(fileContext =>
            {
                var file = model.FileFor(fileContext.AdditionalFile);
                if (file == null || gate.IsSilenced(fileContext.AdditionalFile, compilation))
                {
                    return;
                }

                // Severities come from .globalconfig and project settings: the compiler does not apply .editorconfig
                // sections to diagnostics in files other than sources (dotnet/roslyn#31916).
                foreach (var (finding, arguments) in Analyze(model, file, compilation, fileContext.CancellationToken))
                {
                    fileContext.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, file.LocationOf(finding.Span), finding.Properties, arguments));
                }
            });
        }

        /// <summary>The findings of one deployment file, one per rule and place, with their message arguments.</summary>
        public static IEnumerable<(TemplateFinding Finding, object[] Arguments)> Analyze(DeploymentModel model, TemplateFile file, Compilation compilation, CancellationToken cancellationToken)
        {
            if (file.Error != null)
            {
                return SNAP901TemplateUnreadable.Find(file).Select(finding => (finding, finding.Arguments));
            }

            var scope = new DeploymentScope(model, file, compilation);
            if (scope.Functions.Count == 0)
            {
                return Enumerable.Empty<(TemplateFinding, object[])>();
            }

            var findings = new List<TemplateFinding>();
            findings.AddRange(SNAP050NoVersionPublished.Find(scope));
            cancellationToken.ThrowIfCancellationRequested();
            findings.AddRange(SNAP051CallerBypassesVersion.Find(scope));
            cancellationToken.ThrowIfCancellationRequested();
            findings.AddRange(SNAP052RejectedSetting.Find(scope));
            findings.AddRange(SNAP053HandlerNotFound.Find(scope));
            findings.AddRange(SNAP022SecretsExtensionInTemplate.Find(scope));
            return Merge(findings);
        }

        /// <summary>
        /// One finding per rule and place: a setting several functions inherit from Globals.Function names them all.
        /// </summary>
        private static IEnumerable<(TemplateFinding, object[])> Merge(List<TemplateFinding> findings)
        {
            var groups = new Dictionary<string, List<TemplateFinding>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var finding in findings)
            {
                var key = finding.Descriptor.Id + "@" + finding.Span.Start + ":" + finding.Span.Length;
                for (var i = 0; i < finding.Arguments.Length; i++)
                {
                    if (i != finding.NameIndex)
                    {
                        key += "|" + finding.Arguments[i];
                    }
                }

                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = new List<TemplateFinding>();
                    order.Add(key);
                }

                group.Add(finding);
            }

            foreach (var key in order)
            {
                var group = groups[key];
                var first = group[0];
                var arguments = (object[])first.Arguments.Clone();
                if (group.Count > 1)
                {
                    arguments[first.NameIndex] = string.Join("', '", group.Select(finding => finding.Arguments[first.NameIndex]?.ToString()).Distinct(StringComparer.Ordinal));
                }

                yield return (first, arguments);
            }
        }
    }
}
