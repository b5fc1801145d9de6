using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// SNAP049: bounds the network work of an after-restore hook (a lambda passed to
    /// <c>SnapshotRestore.RegisterAfterRestore</c>, or a method whose only use is to be passed there) with one
    /// <c>using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));</c> at the start of the hook, named as
    /// <see cref="BoundedWork"/> names it and shared by every call the fix bounds there. An awaited call whose method
    /// takes a token gets <c>cts.Token</c> (an optional parameter, a <c>None</c>/<c>default</c> argument, or an overload
    /// with one more <c>CancellationToken</c> parameter); a token from a source the hook creates with no timeout gets the
    /// timeout at that source; any other awaited task (no token parameter, or a token the hook does not own) is awaited
    /// through <c>.WaitAsync(cts.Token)</c> (<c>.AsTask().WaitAsync(cts.Token)</c> for a <c>ValueTask</c>).
    /// Fix All bounds every call of a hook with the one source.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SNAP049BoundAfterRestoreWorkCodeFix)), Shared]
    public sealed class SNAP049BoundAfterRestoreWorkCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SnapSafe.BoundAfterRestoreWork";

        /// <summary>Well under the 10-second restore limit, which also covers the runtime's own load.</summary>
        public const int TimeoutSeconds = BoundedWork.TimeoutSeconds;

        private const string Title = "Pass a token with a 5-second timeout";

        private static readonly string[] SourceNames = { BoundedWork.TokenSourceName, "restoreCts", "cancellation", "restoreCancellation", "restoreTimeout" };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AfterRestoreWorkUnbounded);

        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create(async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

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
                if (await PlanAsync(document, root, model, diagnostic, context.CancellationToken).ConfigureAwait(false) == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => ApplyAsync(document, ImmutableArray.Create(diagnostic), cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }

        private enum BoundingKind
        {
            /// <summary>Pass the hook's token: as the optional parameter (named), or appended for an overload.</summary>
            AddToken,

            /// <summary>Replace a <c>CancellationToken.None</c>/<c>default</c> argument with the hook's token.</summary>
            ReplaceNoToken,

            /// <summary>Give the source the hook creates with no timeout (<c>new CancellationTokenSource()</c>) the timeout.</summary>
            TimeoutOnSource,

            /// <summary>Await the task through <c>.WaitAsync(cts.Token)</c>.</summary>
            WaitAsync,
        }

        /// <summary>One call to bound: the call, the hook it sits in, and the edit it needs.</summary>
        private sealed class Bounding
        {
            private Bounding(BoundingKind kind, InvocationExpressionSyntax call, SyntaxNode hook, SyntaxNode target)
            {
                Kind = kind;
                Call = call;
                Hook = hook;
                Target = target;
            }

            public BoundingKind Kind { get; }

            public InvocationExpressionSyntax Call { get; }

            /// <summary>The hook lambda, or the method passed as the hook.</summary>
            public SyntaxNode Hook { get; }

            /// <summary>The node edited: the call; the <c>None</c> argument; the source's creation; the awaited task.</summary>
            public SyntaxNode Target { get; }

            /// <summary>The optional parameter to name in the added argument; null to add it by position (an overload).</summary>
            public string? ParameterName { get; private set; }

            /// <summary>The awaited task is a <c>ValueTask</c>, turned into a task first.</summary>
            public bool ValueTask { get; private set; }

            public bool NeedsSource => Kind != BoundingKind.TimeoutOnSource;

            public static Bounding AddToken(InvocationExpressionSyntax call, SyntaxNode hook, string? parameterName)
                => new Bounding(BoundingKind.AddToken, call, hook, call) { ParameterName = parameterName };

            public static Bounding ReplaceNoToken(InvocationExpressionSyntax call, SyntaxNode hook, ArgumentSyntax argument)
                => new Bounding(BoundingKind.ReplaceNoToken, call, hook, argument);

            public static Bounding TimeoutOnSource(InvocationExpressionSyntax call, SyntaxNode hook, BaseObjectCreationExpressionSyntax creation)
                => new Bounding(BoundingKind.TimeoutOnSource, call, hook, creation);

            public static Bounding WaitAsync(InvocationExpressionSyntax call, SyntaxNode hook, ExpressionSyntax task, bool valueTask)
                => new Bounding(BoundingKind.WaitAsync, call, hook, task) { ValueTask = valueTask };
        }

        private static async Task<Bounding?> PlanAsync(Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax call
                || HookTypes.From(model.Compilation) is not { CancellationToken: { } } types
                || model.GetOperation(call, cancellationToken) is not IInvocationOperation operation)
            {
                return null;
            }

            var hook = await HookOfAsync(call, FixRequest.Read(diagnostic.Properties).HookIsMethod, document, model, types, cancellationToken).ConfigureAwait(false);
            if (hook == null)
            {
                return null;
            }

            foreach (var argument in operation.Arguments)
            {
                if (!SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, types.CancellationToken))
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    return Bounding.AddToken(call, hook, argument.Parameter!.Name);
                }

                if (argument.Syntax is ArgumentSyntax explicitArgument && IsNoToken(explicitArgument.Expression, model, cancellationToken))
                {
                    return Bounding.ReplaceNoToken(call, hook, explicitArgument);
                }

                // cts.Token of a source the hook creates with no timeout: the source gets it. Any other token (the
                // caller's, a field's) stays, and the hook stops waiting after its own timeout.
                return UntimedSourceInHook(argument.Value, hook, model, types, cancellationToken) is { } creation
                    ? Bounding.TimeoutOnSource(call, hook, creation)
                    : WaitAsyncPlan(call, hook, model, types, cancellationToken);
            }

            // An overload that takes one more CancellationToken, last.
            var withToken = call.WithArgumentList(call.ArgumentList.AddArguments(SyntaxFactory.Argument(SyntaxFactory.ParseExpression("global::System.Threading.CancellationToken.None"))));
            var method = operation.TargetMethod;
            if (model.GetSpeculativeSymbolInfo(call.SpanStart, withToken, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol overload
                && overload.Parameters.Length == method.Parameters.Length + 1
                && SymbolEqualityComparer.Default.Equals(overload.Parameters[overload.Parameters.Length - 1].Type, types.CancellationToken))
            {
                return Bounding.AddToken(call, hook, null);
            }

            // No token reaches the work (ConnectionMultiplexer.ConnectAsync, a method of the project the hook calls).
            return WaitAsyncPlan(call, hook, model, types, cancellationToken);
        }

        /// <summary><c>call.WaitAsync(cts.Token)</c>, after an <c>AsTask()</c> the call already goes through.</summary>
        private static Bounding? WaitAsyncPlan(InvocationExpressionSyntax call, SyntaxNode hook, SemanticModel model, HookTypes types, CancellationToken cancellationToken)
        {
            ExpressionSyntax task = call;
            if (call.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsTask" } asTask && asTask.Expression == call
                && asTask.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } asTaskCall && asTaskCall.Expression == asTask)
            {
                task = asTaskCall;
            }

            return BoundedWork.CanWaitAsync(model.GetTypeInfo(task, cancellationToken).Type, types, out var valueTask)
                ? Bounding.WaitAsync(call, hook, task, valueTask)
                : null;
        }

        /// <summary>
        /// The hook the call is in: a lambda (or anonymous method) passed to <c>RegisterAfterRestore</c>, or a method
        /// passed there as a method group and used nowhere else (a timeout in it changes no other caller); null otherwise.
        /// </summary>
        private static async Task<SyntaxNode?> HookOfAsync(InvocationExpressionSyntax call, bool hookIsMethod, Document document, SemanticModel model, HookTypes types, CancellationToken cancellationToken)
        {
            var function = call.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax);
            if (!hookIsMethod)
            {
                return function is AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax registration } } } lambda
                    && types.IsRegisterAfterRestore(model.GetSymbolInfo(registration, cancellationToken).Symbol)
                    ? lambda
                    : null;
            }

            if (function is not MethodDeclarationSyntax declaration
                || declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } method
                || !method.IsAsync || method.MethodKind != MethodKind.Ordinary || method.IsVirtual || method.IsOverride || method.IsAbstract
                || !method.ExplicitInterfaceImplementations.IsEmpty || method.DeclaringSyntaxReferences.Length != 1
                || !method.Parameters.IsEmpty)
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

            var solution = document.Project.Solution;
            var uses = 0;
            foreach (var reference in await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in reference.Locations)
                {
                    if (location.IsImplicit || !location.Location.IsInSource
                        || await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } referenceRoot
                        || await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } referenceModel)
                    {
                        return null;
                    }

                    var node = referenceRoot.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    var expression = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
                    if (expression.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax registration } }
                        || !types.IsRegisterAfterRestore(referenceModel.GetSymbolInfo(registration, cancellationToken).Symbol))
                    {
                        return null;
                    }

                    uses++;
                }
            }

            return uses > 0 ? declaration : null;
        }

        /// <summary>
        /// The creation of the source behind <c>source.Token</c> when the hook itself creates it with no timeout
        /// (<c>new CancellationTokenSource()</c>, inline or in a local of the hook assigned nowhere else).
        /// </summary>
        private static BaseObjectCreationExpressionSyntax? UntimedSourceInHook(IOperation token, SyntaxNode hook, SemanticModel model, HookTypes types, CancellationToken cancellationToken)
        {
            while (token is IConversionOperation conversion)
            {
                token = conversion.Operand;
            }

            if (token is not IPropertyReferenceOperation { Property.Name: "Token", Instance: { } source }
                || !SymbolEqualityComparer.Default.Equals(source.Type, types.CancellationTokenSource))
            {
                return null;
            }

            var body = BodyOf(hook);
            BaseObjectCreationExpressionSyntax? creation = null;
            switch (source)
            {
                case IObjectCreationOperation { Syntax: BaseObjectCreationExpressionSyntax inline }:
                    creation = inline;
                    break;

                case ILocalReferenceOperation local:
                    if (local.Local.DeclaringSyntaxReferences.Length != 1
                        || local.Local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax declared }
                        || body == null
                        || IsAssignedIn(body, local.Local, model, cancellationToken))
                    {
                        return null;
                    }

                    creation = declared;
                    break;
            }

            return creation != null
                && body != null && body.Span.Contains(creation.Span)
                && (creation.ArgumentList == null || creation.ArgumentList.Arguments.Count == 0)
                && creation.Initializer == null
                && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(creation, cancellationToken).Type, types.CancellationTokenSource)
                ? creation
                : null;
        }

        private static bool IsAssignedIn(SyntaxNode body, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
            => body.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
                a.Left is IdentifierNameSyntax { Identifier.ValueText: var name } && name == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(a.Left, cancellationToken).Symbol, local));

        private static bool IsNoToken(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
            => expression.IsKind(SyntaxKind.DefaultLiteralExpression)
                || expression is DefaultExpressionSyntax
                || (model.GetSymbolInfo(expression, cancellationToken).Symbol is IPropertySymbol { Name: "None" } none
                    && none.ContainingType.ToDisplayString() == "System.Threading.CancellationToken");

        private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            var plans = new List<Bounding>();
            foreach (var diagnostic in diagnostics)
            {
                if (await PlanAsync(document, root, model, diagnostic, cancellationToken).ConfigureAwait(false) is { } plan)
                {
                    plans.Add(plan);
                }
            }

            if (plans.Count == 0)
            {
                return document;
            }

            var newLine = SyntaxFactory.ElasticEndOfLine(HookTarget.NewLineOf(root));
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var hook in plans.GroupBy(p => p.Hook))
            {
                var edits = new Dictionary<SyntaxNode, System.Func<SyntaxNode, SyntaxNode>>();
                string? name = null;
                if (hook.Any(p => p.NeedsSource))
                {
                    if (SourceNameFor(hook.Key, model, cancellationToken) is not { } source)
                    {
                        continue;
                    }

                    name = source.Name;
                    if (source.Untimed != null)
                    {
                        edits[source.Untimed] = WithTimeout;
                    }
                }

                foreach (var plan in hook)
                {
                    if (plan.Kind == BoundingKind.TimeoutOnSource)
                    {
                        edits[plan.Target] = WithTimeout;
                        continue;
                    }

                    var token = SyntaxFactory.ParseExpression(name + ".Token");
                    edits[plan.Target] = plan.Kind switch
                    {
                        BoundingKind.AddToken => current => AddToken((InvocationExpressionSyntax)current, plan.ParameterName, token),
                        BoundingKind.ReplaceNoToken => current => ((ArgumentSyntax)current).WithExpression(token.WithTriviaFrom(((ArgumentSyntax)current).Expression)),
                        _ => current => BoundedWork.WaitAsync(((ExpressionSyntax)current).WithoutTrivia(), plan.ValueTask, token).WithTriviaFrom(current),
                    };
                }

                var rewritten = hook.Key.ReplaceNodes(edits.Keys, (original, current) => edits[original](current));
                if (name != null)
                {
                    rewritten = WithSource(rewritten, name, newLine);
                }

                replacements[hook.Key] = rewritten.WithAdditionalAnnotations(Formatter.Annotation);
            }

            var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            return await HookDocuments.CleanUpAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The call with the bounded token as the optional parameter (named), or appended.</summary>
        private static InvocationExpressionSyntax AddToken(InvocationExpressionSyntax call, string? parameterName, ExpressionSyntax token)
        {
            // An optional token parameter is named: arguments before it may have been left to their defaults.
            var argument = SyntaxFactory.Argument(token);
            if (parameterName != null)
            {
                argument = argument.WithNameColon(SyntaxFactory.NameColon(parameterName));
            }

            return call.WithArgumentList(call.ArgumentList.AddArguments(argument));
        }

        /// <summary><c>new CancellationTokenSource()</c> given the timeout: <c>new CancellationTokenSource(TimeSpan.FromSeconds(5))</c>.</summary>
        private static SyntaxNode WithTimeout(SyntaxNode creation)
        {
            var timeout = SyntaxFactory.ParseExpression("global::System.TimeSpan.FromSeconds(" + TimeoutSeconds + ")")
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var current = (BaseObjectCreationExpressionSyntax)creation;
            var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(timeout)));
            if (current.ArgumentList != null)
            {
                arguments = arguments.WithTriviaFrom(current.ArgumentList);
            }
            else if (current is ObjectCreationExpressionSyntax { Type: var type })
            {
                // new CancellationTokenSource { } has no argument list: the type's trailing space moves after it.
                return ((ObjectCreationExpressionSyntax)current).WithType(type.WithoutTrailingTrivia()).WithArgumentList(arguments.WithTrailingTrivia(type.GetTrailingTrivia()));
            }

            return current.WithArgumentList(arguments);
        }

        private static SyntaxNode? BodyOf(SyntaxNode hook)
            => hook switch
            {
                AnonymousFunctionExpressionSyntax function => function.Body,
                MethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
                _ => null,
            };

        /// <summary>
        /// The hook with <c>using var name = new CancellationTokenSource(TimeSpan.FromSeconds(5));</c> first (unless its
        /// first statement declares it already), an expression body turned into a block.
        /// </summary>
        private static SyntaxNode WithSource(SyntaxNode hook, string name, SyntaxTrivia newLine)
        {
            var declaration = SyntaxFactory.ParseStatement(
                    "using var " + name + " = new global::System.Threading.CancellationTokenSource(global::System.TimeSpan.FromSeconds(" + TimeoutSeconds + "));")
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(newLine)
                .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);

            switch (BodyOf(hook))
            {
                case BlockSyntax block:
                    if (DeclaredSource(block) is { } first && first.Identifier.ValueText == name)
                    {
                        return hook;
                    }

                    var withSource = block.WithStatements(block.Statements.Insert(0, declaration));
                    return hook switch
                    {
                        AnonymousFunctionExpressionSyntax function => function.WithBody(withSource),
                        MethodDeclarationSyntax method => method.WithBody(withSource),
                        _ => hook,
                    };

                case ExpressionSyntax expression:
                    StatementSyntax statement = hook is MethodDeclarationSyntax { ReturnType: GenericNameSyntax }
                        ? SyntaxFactory.ReturnStatement(expression.WithoutTrivia())
                        : SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
                    statement = statement.WithTrailingTrivia(newLine).WithAdditionalAnnotations(Formatter.Annotation);
                    var body = SyntaxFactory.Block(declaration, statement).WithAdditionalAnnotations(Formatter.Annotation);
                    switch (hook)
                    {
                        case ParenthesizedLambdaExpressionSyntax parenthesized:
                            return parenthesized.WithExpressionBody(null).WithBlock(body).WithArrowToken(parenthesized.ArrowToken);
                        case SimpleLambdaExpressionSyntax simple:
                            return simple.WithExpressionBody(null).WithBlock(body);
                        case MethodDeclarationSyntax method:
                            var trailing = method.SemicolonToken.TrailingTrivia;
                            return method
                                .WithExpressionBody(null)
                                .WithSemicolonToken(default)
                                .WithParameterList(method.ParameterList.WithoutTrailingTrivia())
                                .WithBody(body.WithTrailingTrivia(trailing));
                        default:
                            return hook;
                    }

                default:
                    return hook;
            }
        }

        /// <summary>The source the hook body declares first (<c>using var cts = new CancellationTokenSource(...);</c>), if any.</summary>
        private static VariableDeclaratorSyntax? DeclaredSource(BlockSyntax block)
            => block.Statements.FirstOrDefault() is LocalDeclarationStatementSyntax first
                && first.UsingKeyword.IsKind(SyntaxKind.UsingKeyword)
                && first.Declaration.Variables.Count == 1
                && first.Declaration.Variables[0].Initializer?.Value is BaseObjectCreationExpressionSyntax
                && SourceNames.Contains(first.Declaration.Variables[0].Identifier.ValueText)
                    ? first.Declaration.Variables[0]
                    : null;

        /// <summary>
        /// The name of the hook's token source: the source the hook declares first (shared; given the timeout when it
        /// was created with none), else the first of <see cref="SourceNames"/> nothing visible in the hook uses.
        /// </summary>
        private static (string Name, BaseObjectCreationExpressionSyntax? Untimed)? SourceNameFor(SyntaxNode hook, SemanticModel model, CancellationToken cancellationToken)
        {
            var body = BodyOf(hook);
            if (body == null)
            {
                return null;
            }

            if (body is BlockSyntax block && DeclaredSource(block) is { } first
                && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(first.Initializer!.Value, cancellationToken).Type, HookTypes.From(model.Compilation)?.CancellationTokenSource))
            {
                var creation = (BaseObjectCreationExpressionSyntax)first.Initializer.Value;
                var untimed = (creation.ArgumentList == null || creation.ArgumentList.Arguments.Count == 0) && creation.Initializer == null ? creation : null;
                if (untimed != null || creation.ArgumentList is { Arguments.Count: > 0 })
                {
                    return (first.Identifier.ValueText, untimed);
                }
            }

            var position = body.SpanStart;
            foreach (var name in SourceNames)
            {
                if (model.LookupSymbols(position, name: name).IsEmpty && !body.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name))
                {
                    return (name, null);
                }
            }

            return null;
        }
    }
}
