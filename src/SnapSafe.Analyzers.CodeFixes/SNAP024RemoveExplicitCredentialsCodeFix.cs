using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// SNAP024: removes credentials that need the absent access-key variables, so that the SDK's default chain (container
    /// credentials under SnapStart) applies: the constructor argument they are passed as (when the constructor has an
    /// overload without it), the <c>Credentials = ...</c> member of an <c>AWSOptions</c> initializer, or an
    /// <c>options.Credentials = ...;</c> statement. A local or private field that held them and is used only there goes too.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SNAP024RemoveExplicitCredentialsCodeFix)), Shared]
    public sealed class SNAP024RemoveExplicitCredentialsCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SnapSafe.UseDefaultCredentialsChain";

        private const string Title = "Remove the explicit credentials (use the SDK's default chain)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CredentialsNeedAbsentVariables);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation
                    || await PlanAsync(document, model, creation, context.CancellationToken).ConfigureAwait(false) is not { } plan)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => ApplyAsync(document, plan, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The use to remove (an argument, an initializer member or a statement) and the declaration that becomes unused.</summary>
        private sealed class Plan
        {
            public Plan(SyntaxNode use, SyntaxNode? declaration)
            {
                Use = use;
                Declaration = declaration;
            }

            public SyntaxNode Use { get; }

            public SyntaxNode? Declaration { get; }
        }

        private static async Task<Plan?> PlanAsync(Document document, SemanticModel model, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
        {
            var value = WithoutParentheses(creation);
            if (UseOf(value, model, cancellationToken) is { } direct)
            {
                return new Plan(direct, null);
            }

            // var credentials = new ...; / private static readonly AWSCredentials Credentials = new ...;
            if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
                || model.GetDeclaredSymbol(declarator, cancellationToken) is not { } holder)
            {
                return null;
            }

            SyntaxNode removable;
            switch (declaration.Parent)
            {
                case LocalDeclarationStatementSyntax local when !local.UsingKeyword.IsKind(SyntaxKind.UsingKeyword):
                    removable = local;
                    break;
                case FieldDeclarationSyntax field when holder.DeclaredAccessibility == Accessibility.Private:
                    removable = field;
                    break;
                default:
                    return null;
            }

            var references = await SymbolFinder.FindReferencesAsync(holder, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            var locations = references.SelectMany(r => r.Locations).ToList();
            if (locations.Count != 1 || locations[0].Document.Id != document.Id)
            {
                return null;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.FindNode(locations[0].Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax reference
                || UseOf(WithoutParentheses(reference), model, cancellationToken) is not { } use)
            {
                return null;
            }

            return new Plan(use, removable);
        }

        /// <summary>
        /// Where the credentials are used, when that use can go: a constructor argument (the constructor binds
        /// without it), an <c>AWSOptions</c> initializer member, or an <c>options.Credentials = ...;</c> statement.
        /// </summary>
        private static SyntaxNode? UseOf(ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (value.Parent)
            {
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax owner } list } argument:
                    var remaining = list.WithArguments(list.Arguments.Remove(argument));
                    var candidate = owner.WithArgumentList(remaining);
                    var bound = model.GetSpeculativeSymbolInfo(owner.SpanStart, candidate, SpeculativeBindingOption.BindAsExpression).Symbol;
                    return bound is IMethodSymbol { MethodKind: MethodKind.Constructor } ? argument : null;

                case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } member
                    when initializer.IsKind(SyntaxKind.ObjectInitializerExpression) && member.Right == value && IsCredentialsOfOptions(member.Left, model, cancellationToken):
                    return member;

                case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment
                    when assignment.Right == value && IsCredentialsOfOptions(assignment.Left, model, cancellationToken):
                    return statement;

                default:
                    return null;
            }
        }

        /// <summary>The <c>Credentials</c> property of <c>Amazon.Extensions.NETCore.Setup.AWSOptions</c>.</summary>
        private static bool IsCredentialsOfOptions(ExpressionSyntax target, SemanticModel model, CancellationToken cancellationToken)
            => model.GetSymbolInfo(target, cancellationToken).Symbol is IPropertySymbol { Name: "Credentials" } property
                && property.ContainingType.ToDisplayString() == "Amazon.Extensions.NETCore.Setup.AWSOptions";

        /// <summary>The element that moves to the front after a removal keeps no leading space (<c>new X(a, b)</c> becomes <c>new X(b)</c>).</summary>
        private static SeparatedSyntaxList<TNode> WithoutLeadingSpace<TNode>(SeparatedSyntaxList<TNode> list, int removedIndex)
            where TNode : SyntaxNode
        {
            if (removedIndex != 0 || list.Count == 0 || !list[0].GetLeadingTrivia().All(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
            {
                return list;
            }

            return list.Replace(list[0], list[0].WithoutLeadingTrivia());
        }

        private static ExpressionSyntax WithoutParentheses(ExpressionSyntax expression)
        {
            while (expression.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized;
            }

            return expression;
        }

        private static async Task<Document> ApplyAsync(Document document, Plan plan, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            switch (plan.Use)
            {
                case ArgumentSyntax argument when argument.Parent is ArgumentListSyntax list:
                    editor.ReplaceNode(list, (current, _) =>
                    {
                        var currentList = (ArgumentListSyntax)current;
                        var index = list.Arguments.IndexOf(argument);
                        return currentList.WithArguments(WithoutLeadingSpace(currentList.Arguments.RemoveAt(index), index));
                    });
                    break;

                case AssignmentExpressionSyntax member when member.Parent is InitializerExpressionSyntax initializer:
                    editor.ReplaceNode(initializer, (current, _) =>
                    {
                        var currentInitializer = (InitializerExpressionSyntax)current;
                        var index = initializer.Expressions.IndexOf(member);
                        return currentInitializer.WithExpressions(WithoutLeadingSpace(currentInitializer.Expressions.RemoveAt(index), index));
                    });
                    break;

                default:
                    editor.RemoveNode(plan.Use, SyntaxRemoveOptions.KeepNoTrivia);
                    break;
            }

            if (plan.Declaration != null)
            {
                // A top-level statement goes with its global statement; the blank lines and comments above it stay with what follows.
                var removed = plan.Declaration.Parent is GlobalStatementSyntax global ? global : plan.Declaration;
                var next = removed.Parent?.ChildNodes().SkipWhile(n => n != removed).Skip(1).FirstOrDefault();
                if (next != null && removed.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
                {
                    editor.ReplaceNode(next, (current, _) => current.WithLeadingTrivia(removed.GetLeadingTrivia()));
                }

                editor.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia);
            }

            return editor.GetChangedDocument();
        }
    }
}
