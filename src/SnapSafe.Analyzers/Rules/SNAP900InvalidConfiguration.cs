using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.Configuration;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP900: a <c>snapsafe.*</c> configuration value SnapSafe cannot use (the key's default applies). Reported once
    /// per problem, on the first line of code of the source file the configuration applies to (<see cref="ConfigurationProblem.Tree"/>),
    /// from a syntax-tree action, so the editor shows it live with that file.
    /// </summary>
    internal static class SNAP900InvalidConfiguration
    {
        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP900InvalidConfiguration;

#pragma warning disable RS1013 // The same compilation start action registers every other rule's actions.
        public static void Register(CompilationStartAnalysisContext context, SnapSafeOptions options)
#pragma warning restore RS1013
        {
            var problems = options.Problems;
            if (problems.IsEmpty)
            {
                return;
            }

            context.RegisterSyntaxTreeAction(treeContext =>
            {
                Location? location = null;
                foreach (var problem in problems)
                {
                    if (problem.Tree == treeContext.Tree)
                    {
                        location ??= FirstLine(treeContext.Tree, treeContext);
                        treeContext.ReportDiagnostic(Diagnostic.Create(Descriptor, location, problem.Key, problem.Value, problem.Reason));
                    }
                }
            });
        }

        /// <summary>
        /// The first line of code of the file, from its first token to the end of the line: past a license header and
        /// past a <c>#pragma warning disable</c> at the top, which then suppresses SNAP900 like any other warning.
        /// </summary>
        private static Location FirstLine(SyntaxTree tree, SyntaxTreeAnalysisContext context)
        {
            var root = tree.GetRoot(context.CancellationToken);
            var token = root.GetFirstToken();
            var start = token.RawKind != 0 ? token.SpanStart : root.FullSpan.End;
            var line = tree.GetText(context.CancellationToken).Lines.GetLineFromPosition(start);
            return Location.Create(tree, TextSpan.FromBounds(start, line.End));
        }
    }
}
