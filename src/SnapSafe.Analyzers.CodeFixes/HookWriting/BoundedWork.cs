using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
{
    /// <summary>
    /// Restore work bounded in time: on restore, the runtime and every after-restore hook must finish within 10
    /// seconds. Code copied into a hook is rewritten so that its network work can be cut off: a blocking wait
    /// (<c>.GetAwaiter().GetResult()</c>, <c>.Result</c>, <c>.Wait()</c>) on a task becomes <c>await</c>, every
    /// awaited call that takes a
    /// <see cref="System.Threading.CancellationToken"/> gets <c>cts.Token</c>, and an awaited call that takes none
    /// (<c>ConnectionMultiplexer.ConnectAsync</c>) is awaited through <c>.WaitAsync(cts.Token)</c>, all from one
    /// <c>using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));</c> per hook (see <see cref="Declaration"/>).
    /// Synchronous calls (<c>connection.Open()</c>, <c>Dns.GetHostAddresses</c>) are repeated as written: they take no
    /// token, and their own timeouts apply.
    /// </summary>
    internal static class BoundedWork
    {
        /// <summary>The local every bounded call's token comes from, unless the hook already declares that name otherwise.</summary>
        public const string TokenSourceName = "cts";

        /// <summary>Seconds a hook's network work may take: well under the 10-second restore limit.</summary>
        public const int TimeoutSeconds = 5;

        /// <summary>How deep the methods of the project an awaited call leads to are read for library work (as SNAP049 reads them).</summary>
        private const int MaxCallDepth = 3;

        /// <summary>Marks the <c>cts</c> identifiers of the <c>cts.Token</c> arguments added.</summary>
        public static readonly SyntaxAnnotation TokenSource = new SyntaxAnnotation("SnapSafe.RestoreTokenSource");

        /// <summary>
        /// A copy of <paramref name="original"/> (an expression or statement of <paramref name="model"/>'s tree) rewritten
        /// for an after-restore hook.
        /// </summary>
        public static TNode Rewrite<TNode>(TNode original, SemanticModel model, HookTypes types, CancellationToken cancellationToken)
            where TNode : SyntaxNode
        {
            var edits = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>();
            var awaited = new List<ExpressionSyntax>();
            foreach (var node in original.DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax)))
            {
                switch (node)
                {
                    case AwaitExpressionSyntax await:
                        awaited.Add(await.Expression);
                        break;

                    // X.GetAwaiter().GetResult() => await X
                    case InvocationExpressionSyntax
                    {
                        ArgumentList.Arguments.Count: 0,
                        Expression: MemberAccessExpressionSyntax
                        {
                            Name.Identifier.ValueText: "GetResult",
                            Expression: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter", Expression: var task } },
                        },
                    } getResult when IsAwaitable(model.GetTypeInfo(task, cancellationToken).Type, types):
                        awaited.Add(task);
                        edits[getResult] = rewritten => Await(ReceiverOfGetResult(rewritten), getResult);
                        break;

                    // X.Result => await X
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result", Expression: var resultTask } result
                        when !IsWrittenTo(result) && IsGenericTask(model.GetTypeInfo(resultTask, cancellationToken).Type, types)
                            && model.GetSymbolInfo(result, cancellationToken).Symbol is IPropertySymbol:
                        awaited.Add(resultTask);
                        edits[result] = rewritten => Await(((MemberAccessExpressionSyntax)rewritten).Expression, result);
                        break;

                    // X.Wait(); => await X;
                    case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait", Expression: var waited }, Parent: ExpressionStatementSyntax } wait
                        when IsAwaitable(model.GetTypeInfo(waited, cancellationToken).Type, types):
                        awaited.Add(waited);
                        edits[wait] = rewritten => SyntaxFactory.AwaitExpression(((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)rewritten).Expression).Expression.WithoutTrivia());
                        break;
                }
            }

            // Type names are written fully qualified, for the simplifier to shorten: the hook may be in another file,
            // whose imports do not bring them into scope.
            foreach (var name in original.DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax)).OfType<SimpleNameSyntax>())
            {
                if (Qualification(name, model, cancellationToken) is { } qualify)
                {
                    edits[name] = qualify;
                }
            }

            // What is awaited here (not tasks kept to be awaited later): a call no token reaches is wrapped in WaitAsync.
            var awaitedHere = awaited.ToList();

            // Calls that start asynchronous work (awaited here or later) and take a token get the hook's.
            foreach (var node in original.DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax)).OfType<InvocationExpressionSyntax>())
            {
                if (!awaited.Contains(node) && IsAwaitable(model.GetTypeInfo(node, cancellationToken).Type, types))
                {
                    awaited.Add(node);
                }
            }

            foreach (var expression in awaited)
            {
                if (Unconfigured(expression) is InvocationExpressionSyntax invocation && !edits.ContainsKey(invocation)
                    && TokenEdit(invocation, model, types, cancellationToken) is { } edit)
                {
                    edits[invocation] = edit;
                }
            }

            // An awaited call that takes no token at all: the hook stops waiting for it after the timeout.
            foreach (var expression in awaitedHere)
            {
                if (Unconfigured(expression) is InvocationExpressionSyntax invocation && !edits.ContainsKey(invocation)
                    && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                    && method.Name != "WaitAsync"
                    && !method.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, types.CancellationToken))
                    && CanWaitAsync(model.GetTypeInfo(invocation, cancellationToken).Type, types, out var valueTask)
                    && AwaitsLibraryWork(method, model.Compilation, types, 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken))
                {
                    edits[invocation] = rewritten => WaitAsync(((ExpressionSyntax)rewritten).WithoutTrivia(), valueTask, TokenArgument(null).Expression);
                }
            }

            if (edits.Count == 0)
            {
                return original;
            }

            return original.ReplaceNodes(edits.Keys, (node, rewritten) => edits[node](rewritten).WithTriviaFrom(rewritten));
        }

        /// <summary>
        /// The edit that writes a type name (<c>Guid</c>, <c>List&lt;Item&gt;</c>) as its fully qualified name annotated for
        /// the simplifier and the import adder; null for names that are not type names standing on their own.
        /// </summary>
        private static Func<SyntaxNode, SyntaxNode>? Qualification(SimpleNameSyntax name, SemanticModel model, CancellationToken cancellationToken)
        {
            if ((name is IdentifierNameSyntax identifier && (identifier.IsVar || identifier.Identifier.ValueText == "dynamic"))
                || name.Parent is QualifiedNameSyntax { Right: var right } && right == name
                || name.Parent is MemberAccessExpressionSyntax { Name: var member } && member == name
                || name.Parent is AliasQualifiedNameSyntax
                || name.Parent is MemberBindingExpressionSyntax
                || name.Ancestors().Any(a => a is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
                || model.GetAliasInfo(name, cancellationToken) != null
                || model.GetSymbolInfo(name, cancellationToken).Symbol is not INamedTypeSymbol { TypeKind: not TypeKind.Error, IsTupleType: false } type
                || type.IsAnonymousType
                || (type.ContainingType == null && type.ContainingNamespace == null))
            {
                return null;
            }

            var container = (ISymbol?)type.ContainingType ?? type.ContainingNamespace;
            var prefix = container is INamespaceSymbol { IsGlobalNamespace: true }
                ? "global::"
                : container!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".";
            var isType = SyntaxFacts.IsInNamespaceOrTypeContext(name);
            return rewritten =>
            {
                var simple = (SimpleNameSyntax)rewritten;
                SyntaxNode qualified;
                if (prefix == "global::")
                {
                    qualified = SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), simple.WithoutTrivia());
                }
                else if (isType)
                {
                    qualified = SyntaxFactory.QualifiedName(SyntaxFactory.ParseName(prefix.Substring(0, prefix.Length - 1)), simple.WithoutTrivia());
                }
                else
                {
                    qualified = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ParseExpression(prefix.Substring(0, prefix.Length - 1)), simple.WithoutTrivia());
                }

                return qualified.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            };
        }

        /// <summary>True when the statements use the token source (a <c>cts.Token</c> was added).</summary>
        public static bool UsesTokenSource(IEnumerable<SyntaxNode> statements) => statements.Any(s => s.GetAnnotatedNodes(TokenSource).Any());

        /// <summary><c>using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));</c> with the given local name.</summary>
        public static LocalDeclarationStatementSyntax Declaration(string name, TypeSyntax tokenSourceType, ExpressionSyntax timeSpanType)
        {
            var timeout = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, timeSpanType, SyntaxFactory.IdentifierName("FromSeconds")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(TimeoutSeconds))))));
            var creation = SyntaxFactory.ObjectCreationExpression(tokenSourceType, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(timeout))), null);
            return SyntaxFactory.LocalDeclarationStatement(
                    SyntaxFactory.VariableDeclaration(
                        SyntaxFactory.IdentifierName("var"),
                        SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(name).WithInitializer(SyntaxFactory.EqualsValueClause(creation)))))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>The statements with the token source named <paramref name="name"/> instead of <see cref="TokenSourceName"/>.</summary>
        public static IReadOnlyList<StatementSyntax> Rename(IReadOnlyList<StatementSyntax> statements, string name)
            => name == TokenSourceName
                ? statements
                : statements.Select(s => s.ReplaceNodes(s.GetAnnotatedNodes(TokenSource), (_, current) => ((IdentifierNameSyntax)current).WithIdentifier(SyntaxFactory.Identifier(name)))).ToList();

        /// <summary>
        /// True when awaiting <paramref name="method"/> waits for work of a library (a peer, a timer): the method is not
        /// in source, or it is a method of the project that awaits a library's task (a few calls deep). A method of the
        /// project that only awaits <c>Task.Yield()</c> or its own computations is awaited as written.
        /// </summary>
        private static bool AwaitsLibraryWork(IMethodSymbol method, Compilation compilation, HookTypes types, int depth, HashSet<IMethodSymbol> seen, CancellationToken cancellationToken)
        {
            method = method.ReducedFrom ?? method;
            method = method.OriginalDefinition;
            if (!method.Locations.Any(l => l.IsInSource))
            {
                return true;
            }

            if (depth >= MaxCallDepth || !seen.Add(method))
            {
                return false;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                if (!compilation.ContainsSyntaxTree(declaration.SyntaxTree))
                {
                    continue;
                }

                var model = compilation.GetSemanticModel(declaration.SyntaxTree);
                foreach (var awaited in declaration.ChildNodes().SelectMany(c => c.DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax))).OfType<AwaitExpressionSyntax>())
                {
                    if (Unconfigured(awaited.Expression) is InvocationExpressionSyntax call
                        && types.IsTask(model.GetTypeInfo(call, cancellationToken).Type)
                        && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol callee
                        && AwaitsLibraryWork(callee, compilation, types, depth + 1, seen, cancellationToken))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True when an awaited <paramref name="type"/> can be given a token with <c>WaitAsync(CancellationToken)</c>
        /// (.NET 6 and later): a <c>Task</c> or <c>Task&lt;T&gt;</c>, or a <c>ValueTask</c> turned into one with
        /// <c>AsTask()</c> (<paramref name="valueTask"/>).
        /// </summary>
        public static bool CanWaitAsync(ITypeSymbol? type, HookTypes types, out bool valueTask)
        {
            valueTask = false;
            if (type is not INamedTypeSymbol named || types.CancellationToken == null || !types.IsTask(named))
            {
                return false;
            }

            var definition = named.OriginalDefinition;
            valueTask = SymbolEqualityComparer.Default.Equals(definition, types.ValueTask) || SymbolEqualityComparer.Default.Equals(definition, types.ValueTaskOfT);
            var task = named.IsGenericType ? types.TaskOfT : types.Task;
            return task != null && task.GetMembers("WaitAsync").OfType<IMethodSymbol>().Any(m =>
                !m.IsStatic && m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, types.CancellationToken));
        }

        /// <summary><c>task.WaitAsync(token)</c>, or <c>task.AsTask().WaitAsync(token)</c> for a <c>ValueTask</c>.</summary>
        public static InvocationExpressionSyntax WaitAsync(ExpressionSyntax task, bool valueTask, ExpressionSyntax token)
        {
            if (task is not (InvocationExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax))
            {
                task = SyntaxFactory.ParenthesizedExpression(task);
            }

            if (valueTask)
            {
                task = SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, task, SyntaxFactory.IdentifierName("AsTask")));
            }

            return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, task, SyntaxFactory.IdentifierName("WaitAsync")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(token))));
        }

        private static ArgumentSyntax TokenArgument(string? parameterName)
        {
            var token = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.IdentifierName(TokenSourceName).WithAdditionalAnnotations(TokenSource),
                SyntaxFactory.IdentifierName("Token"));
            var argument = SyntaxFactory.Argument(token);
            return parameterName == null ? argument : argument.WithNameColon(SyntaxFactory.NameColon(parameterName));
        }

        /// <summary>The edit that passes the hook's token to an awaited call: in place of none, <c>default</c> or <c>CancellationToken.None</c>, or through the overload that takes one.</summary>
        private static Func<SyntaxNode, SyntaxNode>? TokenEdit(InvocationExpressionSyntax invocation, SemanticModel model, HookTypes types, CancellationToken cancellationToken)
        {
            if (types.CancellationToken == null || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
            {
                return null;
            }

            var method = operation.TargetMethod;
            var tokenParameter = method.Parameters.FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.Type, types.CancellationToken));
            if (tokenParameter != null)
            {
                var argument = operation.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter, tokenParameter));
                if (argument == null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    var named = invocation.ArgumentList.Arguments.Any(a => a.NameColon != null) || method.Parameters.IndexOf(tokenParameter) != invocation.ArgumentList.Arguments.Count;
                    return rewritten => ((InvocationExpressionSyntax)rewritten).WithArgumentList(((InvocationExpressionSyntax)rewritten).ArgumentList.AddArguments(TokenArgument(named ? tokenParameter.Name : null)));
                }

                if (argument.Syntax is ArgumentSyntax explicitArgument && IsNoToken(argument.Value, types))
                {
                    var index = invocation.ArgumentList.Arguments.IndexOf(explicitArgument);
                    return rewritten =>
                    {
                        var current = (InvocationExpressionSyntax)rewritten;
                        var old = current.ArgumentList.Arguments[index];
                        return current.WithArgumentList(current.ArgumentList.WithArguments(current.ArgumentList.Arguments.Replace(old, TokenArgument(null).WithNameColon(old.NameColon))));
                    };
                }

                return null;
            }

            // The overload with the same parameters and a trailing token.
            if (method.ReducedFrom != null || method.Parameters.Any(p => p.IsParams) || invocation.ArgumentList.Arguments.Any(a => a.NameColon != null))
            {
                return null;
            }

            var overload = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().FirstOrDefault(candidate =>
                candidate.IsStatic == method.IsStatic
                && candidate.Parameters.Length == method.Parameters.Length + 1
                && SymbolEqualityComparer.Default.Equals(candidate.Parameters[candidate.Parameters.Length - 1].Type, types.CancellationToken)
                && candidate.TypeParameters.Length == method.TypeParameters.Length
                && method.Parameters.Select((p, i) => SymbolEqualityComparer.Default.Equals(p.Type.OriginalDefinition, candidate.Parameters[i].Type.OriginalDefinition) && p.RefKind == candidate.Parameters[i].RefKind).All(same => same));
            if (overload == null || !model.IsAccessible(invocation.SpanStart, overload))
            {
                return null;
            }

            return rewritten => ((InvocationExpressionSyntax)rewritten).WithArgumentList(((InvocationExpressionSyntax)rewritten).ArgumentList.AddArguments(TokenArgument(null)));
        }

        private static bool IsNoToken(IOperation value, HookTypes types)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value is IDefaultValueOperation
                || (value is IPropertyReferenceOperation { Property.Name: "None" } none && SymbolEqualityComparer.Default.Equals(none.Property.ContainingType, types.CancellationToken));
        }

        /// <summary><c>await X</c>, parenthesized where <paramref name="original"/> is the receiver of a member access or call.</summary>
        private static ExpressionSyntax Await(ExpressionSyntax awaitedExpression, SyntaxNode original)
        {
            ExpressionSyntax result = SyntaxFactory.AwaitExpression(awaitedExpression.WithoutTrivia());
            var parent = original.Parent;
            if ((parent is MemberAccessExpressionSyntax access && access.Expression == original)
                || (parent is ConditionalAccessExpressionSyntax conditional && conditional.Expression == original)
                || (parent is ElementAccessExpressionSyntax element && element.Expression == original)
                || (parent is InvocationExpressionSyntax invocation && invocation.Expression == original)
                || parent is PostfixUnaryExpressionSyntax)
            {
                result = SyntaxFactory.ParenthesizedExpression(result);
            }

            return result;
        }

        private static ExpressionSyntax ReceiverOfGetResult(SyntaxNode rewritten)
            => ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)rewritten).Expression).Expression).Expression).Expression;

        /// <summary>The call under <c>.ConfigureAwait(...)</c>.</summary>
        private static ExpressionSyntax Unconfigured(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var inner } }
                ? Unconfigured(inner)
                : expression;
        }

        private static bool IsWrittenTo(ExpressionSyntax expression)
            => expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression;

        private static bool IsAwaitable(ITypeSymbol? type, HookTypes types)
            => types.IsTask(type)
                || (type is INamedTypeSymbol { Name: "ConfiguredTaskAwaitable" or "ConfiguredValueTaskAwaitable" } configured
                    && configured.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices");

        private static bool IsGenericTask(ITypeSymbol? type, HookTypes types)
            => type is INamedTypeSymbol { IsGenericType: true } named && types.IsTask(named);
    }
}
