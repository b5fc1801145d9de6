using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SnapSafe.Analyzers.Rules;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// SNAP046: replaces an absolute warm-up request URI with <c>new Uri("/path", UriKind.Relative)</c>, keeping the path
    /// and query of an absolute URL.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SNAP046RelativeWarmUpUriCodeFix)), Shared]
    public sealed class SNAP046RelativeWarmUpUriCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SnapSafe.RelativeWarmUpUri";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WarmUpRequestUriAbsolute);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(SNAP046WarmUpRequestUriAbsolute.RelativeUriProperty, out var relative) && relative != null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Use the relative URI " + relative,
                            cancellationToken => ReplaceAsync(context.Document, diagnostic, relative, cancellationToken),
                            EquivalenceKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> ReplaceAsync(Document document, Diagnostic diagnostic, string relative, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax uri)
            {
                return document;
            }

            // new Uri("/path", UriKind.Relative), qualified where the file does not import System.
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var prefix = model != null && ImportsSystemUri(model, uri.SpanStart) ? string.Empty : "global::System.";
            var replacement = SyntaxFactory.ParseExpression("new " + prefix + "Uri(" + SyntaxFactory.Literal(relative).ToFullString() + ", " + prefix + "UriKind.Relative)")
                .WithTriviaFrom(uri)
                .WithAdditionalAnnotations(Formatter.Annotation);
            var newDocument = document.WithSyntaxRoot(root.ReplaceNode(uri, replacement));
            return newDocument;
        }

        private static bool ImportsSystemUri(SemanticModel model, int position)
        {
            foreach (var symbol in model.LookupNamespacesAndTypes(position, name: "Uri"))
            {
                if (symbol is INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
