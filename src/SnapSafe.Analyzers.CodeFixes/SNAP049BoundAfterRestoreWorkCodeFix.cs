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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using SnapSafe.Analyzers.CodeFixes.AfterRestore;

using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// SNAP049: bounds the network work of an after-restore hook lambda: declares
    /// <c>using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));</c> at the start of the hook
    /// (once per hook, reused by every call the fix bounds there) and passes <c>cancellation.Token</c> to each awaited
    /// call whose method takes a token (an optional parameter, a <c>None</c>/<c>default</c> argument, or an overload with
    /// one more <c>CancellationToken</c> parameter). Fix All bounds every call of a hook with the one source.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SNAP049BoundAfterRestoreWorkCodeFix)), Shared]
    public sealed class SNAP049BoundAfterRestoreWorkCodeFix : CodeFixProvider
    {
        public const string EquivalenceKey = "SnapSafe.BoundAfterRestoreWork";

        /// <summary>Well under the 10-second restore limit, which also covers the runtime's own load.</summary>
        public const int TimeoutSeconds = 5;

        private const string Title = "Pass a token with a 5-second timeout";

        private static readonly string[] SourceNames = { BoundedWork.TokenSourceName, "cancellation", "restoreCancellation", "restoreTimeout" };

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
                if (Plan(root, model, diagnostic, context.CancellationToken) == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => ApplyAsync(document, ImmutableArray.Create(diagnostic), cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>One call to bound: the call, the hook lambda it sits in, and the argument edit it needs.</summary>
        private sealed class Bounding
        {
            public Bounding(InvocationExpressionSyntax call, LambdaExpressionSyntax hook, ArgumentSyntax? replaced, string? parameterName)
            {
                Call = call;
                Hook = hook;
                Replaced = replaced;
                ParameterName = parameterName;
            }

            public InvocationExpressionSyntax Call { get; }

            public LambdaExpressionSyntax Hook { get; }

            /// <summary>The <c>CancellationToken.None</c>/<c>default</c> argument to replace; null to add one.</summary>
            public ArgumentSyntax? Replaced { get; }

            /// <summary>The optional parameter to name in the added argument; null to add it by position (an overload).</summary>
            public string? ParameterName { get; }
        }

        private static Bounding? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (FixRequest.Read(diagnostic.Properties).HookIsMethod
                || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax call
                || call.FirstAncestorOrSelf<LambdaExpressionSyntax>() is not { } hook
                || !IsAfterRestoreRegistration(hook, model, cancellationToken)
                || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            var tokenType = model.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            var operation = model.GetOperation(call, cancellationToken) as Microsoft.CodeAnalysis.Operations.IInvocationOperation;
            if (tokenType == null || operation == null)
            {
                return null;
            }

            foreach (var argument in operation.Arguments)
            {
                if (!SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, tokenType))
                {
                    continue;
                }

                if (argument.ArgumentKind == Microsoft.CodeAnalysis.Operations.ArgumentKind.DefaultValue)
                {
                    return new Bounding(call, hook, null, argument.Parameter!.Name);
                }

                // An explicit CancellationToken.None or default: replaced by the bounded token.
                return argument.Syntax is ArgumentSyntax explicitArgument && IsNoToken(explicitArgument.Expression, model, cancellationToken)
                    ? new Bounding(call, hook, explicitArgument, null)
                    : null;
            }

            // An overload that takes one more CancellationToken, last.
            var withToken = call.WithArgumentList(call.ArgumentList.AddArguments(SyntaxFactory.Argument(SyntaxFactory.ParseExpression("global::System.Threading.CancellationToken.None"))));
            return model.GetSpeculativeSymbolInfo(call.SpanStart, withToken, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol overload
                && overload.Parameters.Length == method.Parameters.Length + 1
                && SymbolEqualityComparer.Default.Equals(overload.Parameters[overload.Parameters.Length - 1].Type, tokenType)
                ? new Bounding(call, hook, null, null)
                : null;
        }

        private static bool IsNoToken(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
            => expression.IsKind(SyntaxKind.DefaultLiteralExpression)
                || expression is DefaultExpressionSyntax
                || (model.GetSymbolInfo(expression, cancellationToken).Symbol is IPropertySymbol { Name: "None" } none
                    && none.ContainingType.ToDisplayString() == "System.Threading.CancellationToken");

        /// <summary>The lambda is the argument of <c>SnapshotRestore.RegisterAfterRestore</c>.</summary>
        private static bool IsAfterRestoreRegistration(LambdaExpressionSyntax hook, SemanticModel model, CancellationToken cancellationToken)
            => hook.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax registration } }
                && model.GetSymbolInfo(registration, cancellationToken).Symbol is IMethodSymbol { Name: "RegisterAfterRestore" } register
                && register.ContainingType.ToDisplayString() == "Amazon.Lambda.Core.SnapshotRestore";

        private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return document;
            }

            var plans = diagnostics
                .Select(d => Plan(root, model, d, cancellationToken))
                .Where(p => p != null)
                .Select(p => p!)
                .GroupBy(p => p.Hook)
                .ToList();
            if (plans.Count == 0)
            {
                return document;
            }

            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var hook in plans)
            {
                if (SourceNameFor(hook.Key, model) is not { } name)
                {
                    continue;
                }

                var token = SyntaxFactory.ParseExpression(name + ".Token");
                var calls = hook.ToDictionary(p => (SyntaxNode)p.Call);
                var rewritten = hook.Key.ReplaceNodes(calls.Keys, (original, current) => Bound((InvocationExpressionSyntax)current, calls[original], token));
                replacements[hook.Key] = WithSource(rewritten, name, SyntaxFactory.ElasticEndOfLine(HookTarget.NewLineOf(root))).WithAdditionalAnnotations(Formatter.Annotation);
            }

            var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            return await HookDocuments.CleanUpAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The call with the bounded token passed in place of <c>None</c>, as the optional parameter, or appended.</summary>
        private static InvocationExpressionSyntax Bound(InvocationExpressionSyntax call, Bounding plan, ExpressionSyntax token)
        {
            if (plan.Replaced != null)
            {
                var index = plan.Call.ArgumentList.Arguments.IndexOf(plan.Replaced);
                var arguments = call.ArgumentList.Arguments;
                return call.WithArgumentList(call.ArgumentList.WithArguments(arguments.Replace(arguments[index], arguments[index].WithExpression(token.WithTriviaFrom(arguments[index].Expression)))));
            }

            // An optional token parameter is named: arguments before it may have been left to their defaults.
            var argument = SyntaxFactory.Argument(token);
            if (plan.ParameterName != null)
            {
                argument = argument.WithNameColon(SyntaxFactory.NameColon(plan.ParameterName));
            }

            return call.WithArgumentList(call.ArgumentList.AddArguments(argument));
        }

        /// <summary>
        /// The hook with <c>using var name = new CancellationTokenSource(TimeSpan.FromSeconds(5));</c> first (unless a
        /// statement the fix wrote before declares it), an expression body turned into a block.
        /// </summary>
        private static LambdaExpressionSyntax WithSource(LambdaExpressionSyntax hook, string name, SyntaxTrivia newLine)
        {
            var declaration = SyntaxFactory.ParseStatement(
                    "using var " + name + " = new global::System.Threading.CancellationTokenSource(global::System.TimeSpan.FromSeconds(" + TimeoutSeconds + "));")
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(newLine)
                .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);

            switch (hook.Body)
            {
                case BlockSyntax block:
                    if (block.Statements.FirstOrDefault() is LocalDeclarationStatementSyntax first && first.UsingKeyword.IsKind(SyntaxKind.UsingKeyword)
                        && first.Declaration.Variables.Count == 1 && first.Declaration.Variables[0].Identifier.ValueText == name)
                    {
                        return hook;
                    }

                    return hook.WithBody(block.WithStatements(block.Statements.Insert(0, declaration)));

                case ExpressionSyntax expression:
                    var statement = SyntaxFactory.ExpressionStatement(expression.WithoutTrivia())
                        .WithTrailingTrivia(newLine)
                        .WithAdditionalAnnotations(Formatter.Annotation);
                    var body = SyntaxFactory.Block(declaration, statement).WithAdditionalAnnotations(Formatter.Annotation);
                    return hook switch
                    {
                        ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.WithExpressionBody(null).WithBlock(body).WithArrowToken(parenthesized.ArrowToken),
                        SimpleLambdaExpressionSyntax simple => simple.WithExpressionBody(null).WithBlock(body),
                        _ => hook,
                    };

                default:
                    return hook;
            }
        }

        /// <summary>A name for the token source that nothing visible in the hook uses already (or the one a previous fix declared).</summary>
        private static string? SourceNameFor(LambdaExpressionSyntax hook, SemanticModel model)
        {
            if (hook.Body is BlockSyntax { Statements.Count: > 0 } block
                && block.Statements[0] is LocalDeclarationStatementSyntax first
                && first.UsingKeyword.IsKind(SyntaxKind.UsingKeyword)
                && first.Declaration.Variables.Count == 1
                && first.Declaration.Variables[0].Initializer?.Value is ObjectCreationExpressionSyntax { Type: var type }
                && type.ToString().EndsWith("CancellationTokenSource", System.StringComparison.Ordinal)
                && SourceNames.Contains(first.Declaration.Variables[0].Identifier.ValueText))
            {
                return first.Declaration.Variables[0].Identifier.ValueText;
            }

            var position = hook.Body.SpanStart;
            foreach (var name in SourceNames)
            {
                if (model.LookupSymbols(position, name: name).IsEmpty && !hook.Body.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name))
                {
                    return name;
                }
            }

            return null;
        }
    }
}
