using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers.Deployment;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>SNAP022: string literals naming the Parameters and Secrets extension's endpoint or its token header, anywhere.</summary>
    internal static class SNAP022SecretsExtensionUsed
    {
        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP022SecretsExtensionUsed;

        private static readonly string[] Markers = { "localhost:2773", "127.0.0.1:2773", "X-Aws-Parameters-Secrets-Token" };

        /// <summary>
        /// Holds anywhere in a Lambda compilation, not only in init code; starts from syntax (a string literal) so
        /// that no operation tree is built for code that cannot match.
        /// </summary>
        public static void Register(CompilationStartAnalysisContext context, SnapStartGate gate)
        {
            context.RegisterSyntaxNodeAction(
                syntaxContext =>
                {
                    var node = syntaxContext.Node;
                    var text = node is LiteralExpressionSyntax literal ? literal.Token.ValueText : ((InterpolatedStringTextSyntax)node).TextToken.ValueText;
                    if (TryMatch(text, out var marker) && !gate.IsSilenced(node.SyntaxTree))
                    {
                        syntaxContext.ReportDiagnostic(Diagnostic.Create(Descriptor, node.GetLocation(), marker));
                    }
                },
                SyntaxKind.StringLiteralExpression,
                SyntaxKind.Utf8StringLiteralExpression,
                SyntaxKind.InterpolatedStringText);
        }

        public static bool TryMatch(string text, out string marker)
        {
            marker = string.Empty;
            if (text.Length >= 14)
            {
                foreach (var candidate in Markers)
                {
                    if (text.IndexOf(candidate, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        marker = candidate;
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
