using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
{
    /// <summary>The edits every hook fix finishes with: imports, simplified names and formatting of the new code, and members a hook must be able to assign.</summary>
    internal static class HookDocuments
    {
        /// <summary>Adds the imports the new code needs, shortens qualified names, formats the new code.</summary>
        public static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root != null && root.GetAnnotatedNodes(Simplifier.AddImportsAnnotation).Any())
            {
                document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            // New lines as the document writes them, whatever the host's default.
            var newRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
            if (newRoot != null)
            {
                options = options.WithChangedOption(FormattingOptions.NewLine, HookTarget.NewLineOf(newRoot));
            }

            return await Formatter.FormatAsync(document, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A lambda can assign neither a <c>readonly</c> field nor a get-only auto-property.</summary>
        public static SyntaxNode MakeAssignable(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case FieldDeclarationSyntax field:
                    var index = field.Modifiers.IndexOf(SyntaxKind.ReadOnlyKeyword);
                    if (index < 0)
                    {
                        return field;
                    }

                    var removed = field.Modifiers[index];
                    var modifiers = field.Modifiers.RemoveAt(index);
                    if (index == 0)
                    {
                        if (modifiers.Count == 0)
                        {
                            return field.WithModifiers(modifiers).WithDeclaration(field.Declaration.WithType(field.Declaration.Type.WithLeadingTrivia(removed.LeadingTrivia)));
                        }

                        modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(removed.LeadingTrivia));
                    }

                    return field.WithModifiers(modifiers);

                case PropertyDeclarationSyntax { AccessorList: { Accessors.Count: 1 } accessors } property:
                    var getter = accessors.Accessors[0];
                    if (!getter.IsKind(SyntaxKind.GetAccessorDeclaration))
                    {
                        return property;
                    }

                    if (getter.GetTrailingTrivia().Count == 0)
                    {
                        getter = getter.WithTrailingTrivia(SyntaxFactory.Space);
                    }

                    var hasAccessibility = property.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.PrivateKeyword));
                    var isPrivate = !hasAccessibility || (property.Modifiers.Any(SyntaxKind.PrivateKeyword) && !property.Modifiers.Any(SyntaxKind.ProtectedKeyword));
                    var setter = SyntaxFactory.AccessorDeclaration(SyntaxKind.SetAccessorDeclaration)
                        .WithModifiers(isPrivate
                            ? SyntaxFactory.TokenList()
                            : SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PrivateKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))))
                        .WithKeyword(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.SetKeyword, SyntaxFactory.TriviaList()))
                        .WithSemicolonToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.SemicolonToken, getter.GetTrailingTrivia()))
                        .WithLeadingTrivia(getter.GetLeadingTrivia());
                    return property.WithAccessorList(accessors.WithAccessors(SyntaxFactory.List(new[] { getter, setter })));

                default:
                    return declaration;
            }
        }
    }
}
