using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// SNAP042: awaits the work a hook starts. The statement (<c>X();</c> or <c>_ = X();</c>) becomes
    /// <c>await X();</c> (an <c>async void</c> method that only the hook calls first returns a <c>Task</c>); a hook lambda or hook method that is not <c>async</c> becomes <c>async</c>, and its
    /// returns of a completed <c>ValueTask</c> become plain returns (dropped at the end), while a returned task is
    /// awaited. Offered only for a <c>Task</c>/<c>ValueTask</c> result in a block body that may await (no
    /// <c>lock</c> around it, no <c>ref</c> locals, no unsafe code).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SNAP042AwaitHookWorkCodeFix)), Shared]
    public sealed class SNAP042AwaitHookWorkCodeFix : HookCodeFix
    {
        public const string EquivalenceKey = "SnapSafe.AwaitHookWork";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HookWorkNotAwaited);

        internal override string Key => EquivalenceKey;

        internal override string FixAllTitle => "Await the work of runtime hooks";

        internal override async Task<FixOffer> PlanAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var (work, manual) = await AwaitAsync(document, diagnostic, session).ConfigureAwait(false);
            return work == null ? FixOffer.None(manual) : FixOffer.Offer("Await '" + work.Name + "' in the hook");
        }

        internal override async Task<Solution> ApplyAsync(FixSession session, IReadOnlyList<(Document Document, Diagnostic Diagnostic)> diagnostics)
        {
            var cancellationToken = session.CancellationToken;
            var byFunction = new Dictionary<SyntaxNode, (Document Document, List<ExpressionStatementSyntax> Statements)>();
            var asyncVoids = new Dictionary<MethodDeclarationSyntax, Document>();
            foreach (var (document, diagnostic) in diagnostics)
            {
                if ((await AwaitAsync(document, diagnostic, session).ConfigureAwait(false)).Work is not { } work)
                {
                    continue;
                }

                if (work.AsyncVoid != null && work.AsyncVoidDocument != null)
                {
                    asyncVoids[work.AsyncVoid] = work.AsyncVoidDocument;
                }

                if (!byFunction.TryGetValue(work.Function, out var entry))
                {
                    entry = (document, new List<ExpressionStatementSyntax>());
                    byFunction.Add(work.Function, entry);
                }

                if (!entry.Statements.Contains(work.Statement))
                {
                    entry.Statements.Add(work.Statement);
                }
            }

            if (byFunction.Count == 0)
            {
                return session.Solution;
            }

            var editor = new SolutionEditor(session.Solution);
            var touched = new HashSet<DocumentId>();
            foreach (var pair in byFunction)
            {
                var documentEditor = await editor.GetDocumentEditorAsync(pair.Value.Document.Id, cancellationToken).ConfigureAwait(false);
                var statements = pair.Value.Statements;
                documentEditor.ReplaceNode(pair.Key, (current, _) => Rewrite(pair.Key, statements));
                touched.Add(pair.Value.Document.Id);
            }

            foreach (var pair in asyncVoids)
            {
                var documentEditor = await editor.GetDocumentEditorAsync(pair.Value.Id, cancellationToken).ConfigureAwait(false);
                documentEditor.ReplaceNode(pair.Key, (current, _) =>
                {
                    var method = (MethodDeclarationSyntax)current;
                    var task = SyntaxFactory.ParseTypeName("global::System.Threading.Tasks.Task")
                        .WithTriviaFrom(method.ReturnType)
                        .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                    return method.WithReturnType(task);
                });
                touched.Add(pair.Value.Id);
            }

            var changed = editor.GetChangedSolution();
            foreach (var id in touched)
            {
                if (changed.GetDocument(id) is { } document)
                {
                    changed = (await HookDocuments.CleanUpAsync(document, cancellationToken).ConfigureAwait(false)).Project.Solution;
                }
            }

            return changed;
        }

        /// <summary>The function with its statements awaited and, when it was not async, made async.</summary>
        private static SyntaxNode Rewrite(SyntaxNode function, List<ExpressionStatementSyntax> statements)
        {
            var body = BodyOf(function)!;
            var isAsync = IsAsync(function);
            var returns = isAsync ? new List<ReturnStatementSyntax>() : HookBody.ReturnsOf(body);
            var trailing = returns.FirstOrDefault(r => r == body.Statements.LastOrDefault());
            var newBody = body.ReplaceNodes(
                statements.Cast<SyntaxNode>().Concat(returns.Where(r => r != trailing)),
                (original, current) =>
                {
                    if (current is ExpressionStatementSyntax statement)
                    {
                        return Awaited(statement);
                    }

                    var returned = (ReturnStatementSyntax)current;
                    if (returned.Expression == null || IsCompleted(returned.Expression))
                    {
                        return returned.WithExpression(null).WithReturnKeyword(returned.ReturnKeyword.WithTrailingTrivia());
                    }

                    // return X(); => { await X(); return; }
                    return SyntaxFactory.Block(
                            SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(returned.Expression.WithoutTrivia())),
                            SyntaxFactory.ReturnStatement())
                        .WithTriviaFrom(returned)
                        .WithAdditionalAnnotations(Formatter.Annotation);
                });

            if (trailing != null)
            {
                var last = (ReturnStatementSyntax)newBody.Statements.Last();
                newBody = last.Expression == null || IsCompleted(last.Expression)
                    ? newBody.WithStatements(newBody.Statements.RemoveAt(newBody.Statements.Count - 1))
                    : newBody.WithStatements(newBody.Statements.Replace(
                        last,
                        SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(last.Expression.WithoutTrivia())).WithTriviaFrom(last).WithAdditionalAnnotations(Formatter.Annotation)));
            }

            var asyncToken = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.AsyncKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            switch (function)
            {
                case AnonymousFunctionExpressionSyntax lambda:
                    var newLambda = lambda.WithBody(newBody);
                    if (!isAsync)
                    {
                        var leading = newLambda.GetLeadingTrivia();
                        newLambda = newLambda.WithoutLeadingTrivia().WithAsyncKeyword(asyncToken.WithLeadingTrivia(leading));
                    }

                    return newLambda;

                case MethodDeclarationSyntax method:
                    return isAsync ? method.WithBody(newBody) : WithAsync(method.WithBody(newBody), method.Modifiers, asyncToken, (m, mods) => m.WithModifiers(mods));

                case LocalFunctionStatementSyntax local:
                    return isAsync ? local.WithBody(newBody) : WithAsync(local.WithBody(newBody), local.Modifiers, asyncToken, (m, mods) => m.WithModifiers(mods));

                default:
                    return function;
            }
        }

        /// <summary>A completed <c>ValueTask</c> (<c>default</c>, <c>ValueTask.CompletedTask</c>, <c>new ValueTask()</c>) or <c>Task.CompletedTask</c>.</summary>
        private static bool IsCompleted(ExpressionSyntax expression)
            => HookBody.IsCompletedTask(expression)
                || (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompletedTask" } access
                    && access.Expression is IdentifierNameSyntax { Identifier.ValueText: "Task" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Task" } or QualifiedNameSyntax { Right.Identifier.ValueText: "Task" });

        private static T WithAsync<T>(T node, SyntaxTokenList modifiers, SyntaxToken asyncToken, System.Func<T, SyntaxTokenList, T> withModifiers)
            where T : SyntaxNode
        {
            if (modifiers.Count == 0)
            {
                var leading = node.GetLeadingTrivia();
                return withModifiers(node.WithoutLeadingTrivia(), SyntaxFactory.TokenList(asyncToken.WithLeadingTrivia(leading)));
            }

            return withModifiers(node, modifiers.Add(asyncToken));
        }

        private static StatementSyntax Awaited(ExpressionStatementSyntax statement)
        {
            var expression = statement.Expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard
                ? discard.Right
                : statement.Expression;
            return statement.WithExpression(SyntaxFactory.AwaitExpression(expression.WithoutTrivia()).WithTriviaFrom(statement.Expression));
        }

        private static Task<(Work? Work, ManualFix Manual)> AwaitAsync(Document document, Diagnostic diagnostic, FixSession session)
            => session.PlanAsync(document, diagnostic, async () =>
            {
                var work = await PlanAwaitAsync(document, diagnostic, session).ConfigureAwait(false);
                if (work == null && await IsUnderLockAsync(document, diagnostic, session).ConfigureAwait(false))
                {
                    // Awaiting inside a lock is not allowed: moving the work out of the lock changes what the lock guards.
                    return ((Work?)null, ManualFix.AwaitUnderLock);
                }

                return (work, ManualFix.None);
            });

        private static async Task<bool> IsUnderLockAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var root = await document.GetSyntaxRootAsync(session.CancellationToken).ConfigureAwait(false);
            return root != null && diagnostic.Location.SourceTree == root.SyntaxTree && root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).Ancestors()
                    .TakeWhile(a => !(a is AnonymousFunctionExpressionSyntax || a is BaseMethodDeclarationSyntax || a is LocalFunctionStatementSyntax))
                    .Any(a => a is LockStatementSyntax);
        }

        private static async Task<Work?> PlanAwaitAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var cancellationToken = session.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || diagnostic.Location.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || invocation.Span != diagnostic.Location.SourceSpan)
            {
                return null;
            }

            var statement = invocation.Parent switch
            {
                ExpressionStatementSyntax direct => direct,
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax discarded } assignment
                    when assignment.Right == invocation && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => discarded,
                _ => null,
            };
            if (statement == null)
            {
                return null;
            }

            SyntaxNode? function = null;
            for (var node = statement.Parent; node != null; node = node.Parent)
            {
                if (node is LockStatementSyntax || node is UnsafeStatementSyntax)
                {
                    return null;
                }

                if (node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax || node is BaseMethodDeclarationSyntax || node is AccessorDeclarationSyntax)
                {
                    function = node;
                    break;
                }
            }

            if (function is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax) || BodyOf(function) is not { } body)
            {
                return null;
            }

            var model = await session.ModelAsync(document).ConfigureAwait(false);
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol called
                || (function is MethodDeclarationSyntax method && method.Modifiers.Any(SyntaxKind.UnsafeKeyword))
                || (function is LocalFunctionStatementSyntax local && local.Modifiers.Any(SyntaxKind.UnsafeKeyword))
                || body.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax)).Any(n => n is RefTypeSyntax || n is RefExpressionSyntax || n is StackAllocArrayCreationExpressionSyntax || n is UnsafeStatementSyntax))
            {
                return null;
            }

            // The function must return Task or ValueTask (a hook is Func<ValueTask>) to become async as it is.
            if (!IsAsync(function))
            {
                var symbol = function is AnonymousFunctionExpressionSyntax
                    ? model.GetSymbolInfo(function, cancellationToken).Symbol as IMethodSymbol
                    : model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol;
                var returnType = symbol?.ReturnType.ToDisplayString();
                if (returnType != "System.Threading.Tasks.ValueTask" && returnType != "System.Threading.Tasks.Task")
                {
                    return null;
                }
            }

            MethodDeclarationSyntax? asyncVoid = null;
            Document? asyncVoidDocument = null;
            if (called.ReturnsVoid)
            {
                if (await AsyncVoidDeclarationAsync(called, session).ConfigureAwait(false) is not { } found)
                {
                    return null;
                }

                (asyncVoid, asyncVoidDocument) = found;
            }

            return new Work(function, statement, called.Name, asyncVoid, asyncVoidDocument);
        }

        /// <summary>
        /// The declaration of an <c>async void</c> method that may return a <c>Task</c> instead: an ordinary, non-virtual,
        /// non-partial method of this solution that implements no interface member and that nothing else calls or
        /// references (another caller would get a task it does not await).
        /// </summary>
        private static async Task<(MethodDeclarationSyntax, Document)?> AsyncVoidDeclarationAsync(IMethodSymbol method, FixSession session)
        {
            method = method.OriginalDefinition;
            if (!method.IsAsync || method.MethodKind != MethodKind.Ordinary || method.IsVirtual || method.IsOverride || method.IsAbstract
                || method.IsExtern || !method.ExplicitInterfaceImplementations.IsEmpty || method.DeclaringSyntaxReferences.Length != 1
                || method.DeclaringSyntaxReferences[0].GetSyntax(session.CancellationToken) is not MethodDeclarationSyntax declaration
                || declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
                || session.DocumentOf(declaration.SyntaxTree) is not { } document)
            {
                return null;
            }

            foreach (var contract in method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(contract), method))
                {
                    return null;
                }
            }

            var references = await Microsoft.CodeAnalysis.FindSymbols.SymbolFinder.FindReferencesAsync(method, session.Solution, session.CancellationToken).ConfigureAwait(false);
            return references.Sum(r => r.Locations.Count()) == 1 ? (declaration, document) : null;
        }

        private static BlockSyntax? BodyOf(SyntaxNode function)
            => function switch
            {
                AnonymousFunctionExpressionSyntax lambda => lambda.Block,
                MethodDeclarationSyntax method => method.Body,
                LocalFunctionStatementSyntax local => local.Body,
                _ => null,
            };

        private static bool IsAsync(SyntaxNode function)
            => function switch
            {
                AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
                MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
                LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
                _ => false,
            };

        private sealed class Work
        {
            public Work(SyntaxNode function, ExpressionStatementSyntax statement, string name, MethodDeclarationSyntax? asyncVoid, Document? asyncVoidDocument)
            {
                Function = function;
                Statement = statement;
                Name = name;
                AsyncVoid = asyncVoid;
                AsyncVoidDocument = asyncVoidDocument;
            }

            /// <summary>The <c>async void</c> method the hook calls, which is made to return a <c>Task</c>.</summary>
            public MethodDeclarationSyntax? AsyncVoid { get; }

            public Document? AsyncVoidDocument { get; }

            public SyntaxNode Function { get; }

            public ExpressionStatementSyntax Statement { get; }

            public string Name { get; }
        }
    }
}
