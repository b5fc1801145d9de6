using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// SNAP047 for an ASP.NET Core entry point constructed with <c>StartupMode.FirstRequest</c>: removes the argument,
    /// so that the package's default (<c>StartupMode.Constructor</c>) builds the host in the constructor, during init.
    /// A <c>base(...)</c> left without arguments goes too. Offered only where the analyzer marked the argument
    /// removable (the only argument of the package constructor call); the package-version findings have no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StartupModeCodeFixProvider)), Shared]
    public sealed class StartupModeCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "SnapSafe.StartHostInConstructor";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InitializationDeferred);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root == null || ArgumentAt(root, diagnostic) == null)
                {
                    continue;
                }

                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Start the host in the constructor (remove StartupMode.FirstRequest)",
                        cancellationToken => RemoveAsync(document, diagnostic, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> RemoveAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || ArgumentAt(root, diagnostic) is not { } argument || argument.Parent is not ArgumentListSyntax arguments)
            {
                return document;
            }

            SyntaxNode newRoot;
            if (arguments.Parent is ConstructorInitializerSyntax { Parent: ConstructorDeclarationSyntax constructor } initializer
                && initializer.IsKind(SyntaxKind.BaseConstructorInitializer) && arguments.Arguments.Count == 1)
            {
                // ": base()" says nothing the compiler does not: drop it, keeping the line breaks around it.
                var parameters = constructor.ParameterList.WithTrailingTrivia(initializer.GetTrailingTrivia());
                newRoot = root.ReplaceNode(constructor, constructor.WithInitializer(null).WithParameterList(parameters));
            }
            else
            {
                newRoot = root.ReplaceNode(arguments, arguments.WithArguments(arguments.Arguments.Remove(argument)));
            }

            return document.WithSyntaxRoot(newRoot);
        }

        private static ArgumentSyntax? ArgumentAt(SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.Id != DiagnosticIds.InitializationDeferred
                || !FixRequest.Read(diagnostic.Properties).RuleFixApplies
                || diagnostic.Location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            // The argument spans the same text as its expression: climb from the innermost node to it.
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            while (node != null && node is not ArgumentSyntax && node.Span == diagnostic.Location.SourceSpan)
            {
                node = node.Parent;
            }

            return node is ArgumentSyntax argument
                && argument.Span == diagnostic.Location.SourceSpan
                && argument.Parent is ArgumentListSyntax { Arguments.Count: 1, Parent: ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax }
                ? argument
                : null;
        }
    }
}
