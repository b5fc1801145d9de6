using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
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

    /// <summary>Work one hook runs: the statements it adds at a position, in source order, and whether they await.</summary>
    internal interface IHookWork
    {
        bool NeedsAwait { get; }

        /// <summary>Source order: a hook runs its work as the initialization it repeats is written.</summary>
        (string Path, int Position) Order { get; }

        /// <summary>The statements to run in a hook whose statements are at <paramref name="position"/>; null when they mean something else there.</summary>
        IReadOnlyList<StatementSyntax>? StatementsAt(SemanticModel model, int position, CancellationToken cancellationToken);
    }

    /// <summary>The hook body that receives the work of one site: an existing registration's lambda or method, or a new registration.</summary>
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

        public List<IHookWork> Findings { get; } = new List<IHookWork>();

        public (HookTargetKind, DocumentId, int, bool) Key => (Kind, Document.Id, Node.SpanStart, Site.IsStatic);

        /// <summary>
        /// The last registration of the site whose body can take every statement, or a new registration. A method
        /// group hook is reused only when it is a method of the site's type, static exactly when the site is.
        /// </summary>
        public static async Task<HookTarget> ResolveAsync(HookSite site, IReadOnlyList<IHookWork> findings, FixSession session)
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
            IReadOnlyList<StatementSyntax> statements = Findings
                .OrderBy(f => f.Order.Path, System.StringComparer.Ordinal)
                .ThenBy(f => f.Order.Position)
                .SelectMany(f => f.StatementsAt(Model, Position, cancellationToken)!)
                .ToList();
            var needsAwait = Findings.Any(f => f.NeedsAwait) || statements.Any(s => HookBody.ContainsAwait(s));
            var types = HookTypes.From(Model.Compilation)!;
            if (BoundedWork.UsesTokenSource(statements) && types.CancellationTokenSource != null && types.TimeSpan != null)
            {
                var (name, declared) = TokenSourceName();
                statements = BoundedWork.Rename(statements, name);
                if (!declared)
                {
                    var declaration = BoundedWork.Declaration(
                        name,
                        NameScope.TypeSyntaxFor(types.CancellationTokenSource, Model, Position),
                        NameScope.TypeExpression(types.TimeSpan, Model, Position));
                    statements = new StatementSyntax[] { declaration }.Concat(statements).ToList();
                }
            }

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

            var registration = HookBody.NewRegistration(
                NameScope.TypeExpression(types.SnapshotRestore, Model, Position),
                NameScope.TypeExpression(types.ValueTask, Model, Position),
                statements,
                needsAwait,
                newLine);
            Site.Append(editor, new StatementSyntax[] { registration }, newLine);
        }

        /// <summary>
        /// The name of the hook's token source: a <c>CancellationTokenSource</c> local the existing hook body already
        /// declares at its top level with a timeout (shared), else <c>cts</c>, unless the body declares that name for
        /// something else (a source with no timeout included).
        /// </summary>
        private (string Name, bool Declared) TokenSourceName()
        {
            var body = Node switch
            {
                AnonymousFunctionExpressionSyntax function when Kind == HookTargetKind.ExistingLambda => (SyntaxNode?)function.Body,
                MethodDeclarationSyntax method when Kind == HookTargetKind.ExistingMethod => (SyntaxNode?)method.Body ?? method.ExpressionBody,
                _ => null,
            };
            if (body == null)
            {
                return (BoundedWork.TokenSourceName, false);
            }

            if (body is BlockSyntax block)
            {
                foreach (var statement in block.Statements.OfType<LocalDeclarationStatementSyntax>())
                {
                    foreach (var variable in statement.Declaration.Variables)
                    {
                        if (Model.GetDeclaredSymbol(variable) is ILocalSymbol { Type: var type } local
                            && SymbolEqualityComparer.Default.Equals(type, HookTypes.From(Model.Compilation)?.CancellationTokenSource)
                            && local.Name == BoundedWork.TokenSourceName
                            && variable.Initializer?.Value is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 })
                        {
                            return (local.Name, true);
                        }
                    }
                }
            }

            var declared = new HashSet<string>(body.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText)
                .Concat(body.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(v => v.Identifier.ValueText))
                .Concat(body.DescendantNodes().OfType<ParameterSyntax>().Select(p => p.Identifier.ValueText)));
            var name = BoundedWork.TokenSourceName;
            for (var i = 2; declared.Contains(name); i++)
            {
                name = "restoreCts" + (i == 2 ? string.Empty : i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return (name, false);
        }

        private static bool IsParameterless(AnonymousFunctionExpressionSyntax function)
            => function switch
            {
                ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters.Count == 0,
                AnonymousMethodExpressionSyntax method => method.ParameterList == null || method.ParameterList.Parameters.Count == 0,
                _ => false,
            };

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
