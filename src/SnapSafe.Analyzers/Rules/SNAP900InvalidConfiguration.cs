using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers.Configuration;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>SNAP900: a <c>snapsafe.*</c> configuration value SnapSafe cannot use (the key's default applies).</summary>
    internal static class SNAP900InvalidConfiguration
    {
        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP900InvalidConfiguration;

#pragma warning disable RS1013 // The same compilation start action registers every other rule's actions.
        public static void Register(CompilationStartAnalysisContext context, SnapSafeOptions options)
#pragma warning restore RS1013
        {
            if (options.Problems.IsEmpty)
            {
                return;
            }

            context.RegisterCompilationEndAction(endContext =>
            {
                foreach (var problem in options.Problems)
                {
                    endContext.ReportDiagnostic(Diagnostic.Create(Descriptor, Location.None, problem.Key, problem.Value, problem.Reason));
                }
            });
        }
    }
}
