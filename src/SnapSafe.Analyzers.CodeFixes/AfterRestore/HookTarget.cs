using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    internal enum HookTargetKind
    {
        /// <summary>A new <c>SnapshotRestore.RegisterAfterRestore(...)</c> statement at the site.</summary>
        NewRegistration,

        /// <summary>The lambda of a registration the site already makes.</summary>
        ExistingLambda,

        /// <summary>The method of a method-group registration the site already makes.</summary>
        ExistingMethod,
    }

    /// <summary>The hook body that receives the re-initialization statements of one site.</summary>
    internal sealed class HookTarget
    {
        private HookTarget(HookTargetKind kind, HookSite site, Document document, SyntaxNode node, int position, SemanticModel model)
        {
            Kind = kind;
            Site = site;
            Document = document;
            Node = node;
            Position = position;
            Model = model;
        }

        public HookTargetKind Kind { get; }

        public HookSite Site { get; }

        public Document Document { get; }

        /// <summary>The lambda, the method declaration, or the site's node for a new registration.</summary>
        public SyntaxNode Node { get; }

        /// <summary>Where the statements go, for name lookup.</summary>
        public int Position { get; }

        public SemanticModel Model { get; }

        public List<Reinitialization> Findings { get; } = new List<Reinitialization>();

        public (HookTargetKind, DocumentId, int, bool) Key => (Kind, Document.Id, Node.SpanStart, Site.IsStatic);

        /// <summary>
        /// The last registration of the site whose body can take every statement, or a new registration. A method
        /// group hook is reused only when it is a method of the site's type, static exactly when the site is.
        /// </summary>
        public static async Task<HookTarget> ResolveAsync(HookSite site, IReadOnlyList<Reinitialization> findings, FixSession session)
        {
            var cancellationToken = session.CancellationToken;
            var model = await session.ModelAsync(site.Document).ConfigureAwait(false);
            var types = HookTypes.From(model.Compilation)!;
            var needsAwait = findings.Any(f => f.NeedsAwait);
            foreach (var statement in site.ExistingStatements())
            {
                if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation }
                    || invocation.ArgumentList.Arguments.Count != 1
                    || !types.IsRegisterAfterRestore(model.GetSymbolInfo(invocation, cancellationToken).Symbol))
                {
                    continue;
                }

                var argument = invocation.ArgumentList.Arguments[0].Expression;
                HookTarget? candidate = null;
                if (argument is AnonymousFunctionExpressionSyntax function)
                {
                    var body = HookBody.Of(function);
                    if (IsParameterless(function) && !function.Modifiers.Any(SyntaxKind.StaticKeyword) && body.CanAdd(needsAwait))
                    {
                        candidate = new HookTarget(HookTargetKind.ExistingLambda, site, site.Document, function, body.InsertionPosition, model);
                    }
                }
                else if (site.Type != null)
                {
                    var info = model.GetSymbolInfo(argument, cancellationToken);
                    if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAbstract: false } method
                        && SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, site.Type.OriginalDefinition)
                        && method.IsStatic == site.IsStatic
                        && method.DeclaringSyntaxReferences.Length == 1
                        && method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration
                        && session.DocumentOf(declaration.SyntaxTree) is { } methodDocument)
                    {
                        var body = HookBody.Of(declaration);
                        if (body.CanAdd(needsAwait))
                        {
                            var methodModel = await session.ModelAsync(methodDocument).ConfigureAwait(false);
                            candidate = new HookTarget(HookTargetKind.ExistingMethod, site, methodDocument, declaration, body.InsertionPosition, methodModel);
                        }
                    }
                }

                if (candidate != null && findings.All(f => f.StatementsAt(candidate.Model, candidate.Position, cancellationToken) != null))
                {
                    return candidate;
                }
            }

            return new HookTarget(HookTargetKind.NewRegistration, site, site.Document, site.Node, site.NewHookPosition, model);
        }

        /// <summary>Records this target's edit; the statements keep the source order of their findings.</summary>
        public async Task ApplyAsync(SolutionEditor solutionEditor, FixSession session)
        {
            var cancellationToken = session.CancellationToken;
            var statements = Findings
                .OrderBy(f => f.Order.Path, System.StringComparer.Ordinal)
                .ThenBy(f => f.Order.Position)
                .SelectMany(f => f.StatementsAt(Model, Position, cancellationToken)!)
                .ToList();
            var needsAwait = Findings.Any(f => f.NeedsAwait);
            var editor = await solutionEditor.GetDocumentEditorAsync(Document.Id, cancellationToken).ConfigureAwait(false);
            var newLine = NewLineOf(editor.OriginalRoot);
            switch (Kind)
            {
                case HookTargetKind.ExistingLambda:
                    var indentation = IndentationOfLine(Node);
                    editor.ReplaceNode(Node, (current, _) => HookBody.Rewrite((AnonymousFunctionExpressionSyntax)current, statements, needsAwait, newLine, indentation));
                    return;

                case HookTargetKind.ExistingMethod:
                    editor.ReplaceNode(Node, (current, _) => HookBody.Rewrite((MethodDeclarationSyntax)current, statements, needsAwait, newLine));
                    return;
            }

            var types = HookTypes.From(Model.Compilation)!;
            var registration = HookBody.NewRegistration(
                NameScope.TypeExpression(types.SnapshotRestore, Model, Position),
                NameScope.TypeExpression(types.ValueTask, Model, Position),
                statements,
                needsAwait,
                newLine);
            switch (Site.Kind)
            {
                case HookSiteKind.Constructor:
                    editor.ReplaceNode(Site.Node, (current, _) => Append((ConstructorDeclarationSyntax)current, registration, newLine));
                    break;

                case HookSiteKind.NewConstructor:
                    editor.ReplaceNode(Site.Node, (current, _) => AddConstructor((TypeDeclarationSyntax)current, Site.IsStatic, registration, newLine));
                    break;

                case HookSiteKind.EntryPoint:
                    editor.InsertBefore(
                        Site.Node,
                        Site.Node is GlobalStatementSyntax
                            ? SyntaxFactory.GlobalStatement(HookBody.OnOwnLine(registration, newLine)).WithLeadingTrivia(SyntaxFactory.TriviaList()).WithAdditionalAnnotations(Formatter.Annotation)
                            : HookBody.OnOwnLine(registration, newLine));
                    break;
            }
        }

        private static bool IsParameterless(AnonymousFunctionExpressionSyntax function)
            => function switch
            {
                ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters.Count == 0,
                AnonymousMethodExpressionSyntax method => method.ParameterList == null || method.ParameterList.Parameters.Count == 0,
                _ => false,
            };

        /// <summary>The registration goes at the end of the constructor, after the initialization it repeats.</summary>
        internal static ConstructorDeclarationSyntax Append(ConstructorDeclarationSyntax constructor, StatementSyntax registration, string newLine)
        {
            registration = HookBody.OnOwnLine(registration, newLine);
            if (constructor.Body is { } body)
            {
                var statements = body.Statements;
                var index = statements.LastOrDefault() is ReturnStatementSyntax ? statements.Count - 1 : statements.Count;
                var newBody = body.WithStatements(statements.Insert(index, registration));
                return constructor.WithBody(statements.Count == 0 ? newBody.WithAdditionalAnnotations(Formatter.Annotation) : newBody);
            }

            var expression = constructor.ExpressionBody!.Expression.WithoutTrivia();
            var block = HookBody.LinedBlock(new StatementSyntax[] { SyntaxFactory.ExpressionStatement(expression), registration }, newLine);
            block = block.WithCloseBraceToken(block.CloseBraceToken.WithTrailingTrivia(constructor.SemicolonToken.TrailingTrivia));
            return constructor
                .WithParameterList(constructor.ParameterList.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine)))
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithBody(block)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>
        /// <c>public TypeName() { ... }</c> (<c>protected</c> in an abstract class) or <c>static TypeName() { ... }</c>,
        /// after the type's fields and properties (and, for an instance constructor, its other constructors).
        /// </summary>
        internal static TypeDeclarationSyntax AddConstructor(TypeDeclarationSyntax type, bool isStatic, StatementSyntax registration, string newLine)
        {
            var accessibility = isStatic ? SyntaxKind.StaticKeyword
                : type.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword
                : SyntaxKind.PublicKeyword;
            var constructor = SyntaxFactory.ConstructorDeclaration(type.Identifier.WithoutTrivia())
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(accessibility)))
                .WithParameterList(SyntaxFactory.ParameterList())
                .WithBody(HookBody.LinedBlock(new[] { registration }, newLine));

            var members = type.Members;
            var index = -1;
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i] is FieldDeclarationSyntax || members[i] is PropertyDeclarationSyntax || members[i] is EventFieldDeclarationSyntax
                    || (!isStatic && members[i] is ConstructorDeclarationSyntax))
                {
                    index = i;
                }
            }

            var endOfLine = SyntaxFactory.EndOfLine(newLine);
            constructor = index >= 0
                ? constructor.WithLeadingTrivia(endOfLine).WithTrailingTrivia(endOfLine)
                : constructor.WithTrailingTrivia(endOfLine, endOfLine);
            return type.WithMembers(members.Insert(index + 1, constructor.WithAdditionalAnnotations(Formatter.Annotation)));
        }

        /// <summary>The leading whitespace of the line <paramref name="node"/> starts on.</summary>
        internal static string IndentationOfLine(SyntaxNode node)
        {
            var text = node.SyntaxTree.GetText();
            var line = text.Lines.GetLineFromPosition(node.SpanStart).ToString();
            return line.Substring(0, line.Length - line.TrimStart().Length);
        }

        internal static string NewLineOf(SyntaxNode root)
        {
            foreach (var trivia in root.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    return trivia.ToString();
                }
            }

            return "\n";
        }
    }
}
