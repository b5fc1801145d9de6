using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
{
    /// <summary>
    /// The body of an after-restore hook (a lambda or a <c>ValueTask</c> method): whether re-initialization statements
    /// can go into it without changing what it already does, and the body with them added.
    /// </summary>
    internal readonly struct HookBody
    {
        public HookBody(bool isAsync, BlockSyntax? block, ExpressionSyntax? expression)
        {
            IsAsync = isAsync;
            Block = block;
            Expression = expression;
        }

        public bool IsAsync { get; }

        public BlockSyntax? Block { get; }

        public ExpressionSyntax? Expression { get; }

        public static HookBody Of(AnonymousFunctionExpressionSyntax function)
            => new HookBody(function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword), function.Block, function.ExpressionBody);

        public static HookBody Of(MethodDeclarationSyntax method)
            => new HookBody(method.Modifiers.Any(SyntaxKind.AsyncKeyword), method.Body, method.ExpressionBody?.Expression);

        /// <summary>Where the added statements will be, for name lookup.</summary>
        public int InsertionPosition => Block != null ? AppendPosition(Block) : Expression!.SpanStart;

        /// <summary>
        /// A position inside <paramref name="block"/>'s scope where appended statements (before a trailing return)
        /// will be: the block's closing brace is outside it, and so outside the scope of the method's parameters.
        /// </summary>
        public static int AppendPosition(BlockSyntax block)
        {
            var last = block.Statements.LastOrDefault();
            return last switch
            {
                null => block.OpenBraceToken.Span.End,
                ReturnStatementSyntax => last.SpanStart,
                _ => last.GetLastToken().SpanStart,
            };
        }

        /// <summary>
        /// Statements can be added when every path of the body reaches them: a block with no return but a trailing
        /// one, or an expression body. Work that needs <c>await</c> goes into a non-async body only when the body
        /// returns nothing but a completed task.
        /// </summary>
        public bool CanAdd(bool needsAwait)
        {
            if (Block != null)
            {
                var returns = ReturnsOf(Block);
                var last = Block.Statements.LastOrDefault();
                if (IsAsync)
                {
                    return returns.Count == 0 || (returns.Count == 1 && returns[0] == last);
                }

                if (returns.Count != 1 || returns[0] != last)
                {
                    return false;
                }

                return !needsAwait || IsCompletedTask(returns[0].Expression);
            }

            if (Expression == null)
            {
                return false;
            }

            return !IsAsync || IsStatementExpression(Expression);
        }

        /// <summary>The new block body, and whether the hook must become <c>async</c>.</summary>
        public (BlockSyntax Block, bool MakeAsync) Add(IReadOnlyList<StatementSyntax> statements, bool needsAwait, string newLine, string indentation = "")
        {
            var lines = statements.Select(s => OnOwnLine(s, newLine)).ToList();
            if (Block != null)
            {
                var existing = Block.Statements;
                var last = existing.LastOrDefault();
                if (IsAsync || !needsAwait)
                {
                    var index = last is ReturnStatementSyntax ? existing.Count - 1 : existing.Count;
                    return (Block.WithStatements(existing.InsertRange(index, lines)), false);
                }

                // A synchronous hook whose only return is a completed task: drop the return and await instead.
                return (Block.WithStatements(existing.RemoveAt(existing.Count - 1).AddRange(lines)), true);
            }

            var expression = Expression!.WithoutTrivia();
            if (IsAsync)
            {
                return (LinedBlock(new StatementSyntax[] { SyntaxFactory.ExpressionStatement(expression) }.Concat(lines), newLine, indentation), false);
            }

            if (!needsAwait)
            {
                return (LinedBlock(lines.Concat(new StatementSyntax[] { SyntaxFactory.ReturnStatement(expression) }), newLine, indentation), false);
            }

            return IsCompletedTask(expression)
                ? (LinedBlock(lines, newLine, indentation), true)
                : (LinedBlock(lines.Concat(new StatementSyntax[] { SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(expression)) }), newLine, indentation), true);
        }

        /// <summary>
        /// A block with real line breaks: the formatter keeps a lambda's block on one line when its text has none.
        /// </summary>
        public static BlockSyntax LinedBlock(IEnumerable<StatementSyntax> statements, string newLine, string indentation = "")
        {
            var leading = indentation.Length == 0 ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indentation));
            return SyntaxFactory.Block(
                SyntaxFactory.Token(leading, SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine))),
                SyntaxFactory.List(statements.Select(s => OnOwnLine(s, newLine))),
                SyntaxFactory.Token(leading, SyntaxKind.CloseBraceToken, SyntaxFactory.TriviaList()));
        }

        private static SyntaxToken ArrowToken(string newLine)
            => SyntaxFactory.Token(SyntaxFactory.TriviaList(SyntaxFactory.Space), SyntaxKind.EqualsGreaterThanToken, SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine)));

        public static StatementSyntax OnOwnLine(StatementSyntax statement, string newLine)
            => statement.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine));

        /// <param name="indentation">
        /// The indentation of the line the lambda starts on: the formatter keeps a lambda's block where it is
        /// relative to the lambda, so a new block must be placed right.
        /// </param>
        public static AnonymousFunctionExpressionSyntax Rewrite(AnonymousFunctionExpressionSyntax function, IReadOnlyList<StatementSyntax> statements, bool needsAwait, string newLine, string indentation)
        {
            var (block, makeAsync) = Of(function).Add(statements, needsAwait, newLine, indentation);
            AnonymousFunctionExpressionSyntax result = function switch
            {
                ParenthesizedLambdaExpressionSyntax { ExpressionBody: not null } lambda => SyntaxFactory.ParenthesizedLambdaExpression()
                    .WithModifiers(lambda.Modifiers)
                    .WithArrowToken(ArrowToken(newLine))
                    .WithBlock(block)
                    .WithLeadingTrivia(lambda.GetLeadingTrivia())
                    .WithTrailingTrivia(lambda.GetTrailingTrivia()),
                ParenthesizedLambdaExpressionSyntax lambda => lambda.WithBlock(block),
                AnonymousMethodExpressionSyntax method => method.WithBlock(block),
                _ => function,
            };

            if (makeAsync)
            {
                var leading = result.GetLeadingTrivia();
                result = result.WithoutLeadingTrivia().WithAsyncKeyword(SyntaxFactory.Token(leading, SyntaxKind.AsyncKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
            }

            return result.WithAdditionalAnnotations(Formatter.Annotation);
        }

        public static MethodDeclarationSyntax Rewrite(MethodDeclarationSyntax method, IReadOnlyList<StatementSyntax> statements, bool needsAwait, string newLine)
        {
            var (block, makeAsync) = Of(method).Add(statements, needsAwait, newLine);
            var result = method;
            if (method.ExpressionBody != null)
            {
                block = block.WithCloseBraceToken(block.CloseBraceToken.WithTrailingTrivia(method.SemicolonToken.TrailingTrivia));
                result = result.WithParameterList(result.ParameterList.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))).WithExpressionBody(null).WithSemicolonToken(default);
            }

            result = result.WithBody(block);
            if (makeAsync)
            {
                if (result.Modifiers.Count == 0)
                {
                    var leading = result.GetLeadingTrivia();
                    result = result.WithoutLeadingTrivia().WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(leading, SyntaxKind.AsyncKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))));
                }
                else
                {
                    result = result.AddModifiers(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.AsyncKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                }
            }

            return result.WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>
        /// <c>SnapshotRestore.RegisterAfterRestore(() => { ...; return ValueTask.CompletedTask; });</c>, or an
        /// <c>async</c> lambda without the return when a statement awaits.
        /// </summary>
        public static ExpressionStatementSyntax NewRegistration(ExpressionSyntax snapshotRestore, ExpressionSyntax valueTask, IReadOnlyList<StatementSyntax> statements, bool isAsync, string newLine)
        {
            var body = isAsync
                ? statements
                : statements.Concat(new StatementSyntax[]
                {
                    SyntaxFactory.ReturnStatement(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, valueTask, SyntaxFactory.IdentifierName("CompletedTask"))),
                });
            var lambda = SyntaxFactory.ParenthesizedLambdaExpression()
                .WithArrowToken(ArrowToken(newLine))
                .WithBlock(LinedBlock(body, newLine));
            if (isAsync)
            {
                lambda = lambda.WithAsyncKeyword(SyntaxFactory.Token(SyntaxKind.AsyncKeyword));
            }

            var invocation = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, snapshotRestore, SyntaxFactory.IdentifierName(HookTypes.RegisterAfterRestoreName)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lambda))));
            return SyntaxFactory.ExpressionStatement(invocation).WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>The return statements of a body, without those of the functions nested in it.</summary>
        public static List<ReturnStatementSyntax> ReturnsOf(SyntaxNode body)
            => body.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>()
                .ToList();

        public static bool ContainsAwait(SyntaxNode node)
            => node.DescendantNodesAndSelf(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax))
                .Any(n => n is AwaitExpressionSyntax || (n is ForEachStatementSyntax forEach && forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword))
                    || (n is UsingStatementSyntax usingStatement && usingStatement.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword))
                    || (n is LocalDeclarationStatementSyntax declaration && declaration.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)));

        /// <summary><c>default</c>, <c>ValueTask.CompletedTask</c>, <c>new ValueTask()</c>: a hook that did nothing asynchronous.</summary>
        public static bool IsCompletedTask(ExpressionSyntax? expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    return literal.IsKind(SyntaxKind.DefaultLiteralExpression);
                case DefaultExpressionSyntax:
                    return true;
                case MemberAccessExpressionSyntax memberAccess:
                    return memberAccess.Name.Identifier.ValueText == "CompletedTask" && RightmostName(memberAccess.Expression) == "ValueTask";
                case ObjectCreationExpressionSyntax creation:
                    return (creation.ArgumentList == null || creation.ArgumentList.Arguments.Count == 0) && creation.Initializer == null && RightmostName(creation.Type) == "ValueTask";
                case ImplicitObjectCreationExpressionSyntax implicitCreation:
                    return implicitCreation.ArgumentList.Arguments.Count == 0 && implicitCreation.Initializer == null;
                default:
                    return false;
            }
        }

        /// <summary>Expressions that may stand as a statement (C# spec "statement expressions").</summary>
        internal static bool IsStatementExpression(ExpressionSyntax expression)
            => expression is InvocationExpressionSyntax
                || expression is AwaitExpressionSyntax
                || expression is AssignmentExpressionSyntax
                || expression is BaseObjectCreationExpressionSyntax
                || expression.IsKind(SyntaxKind.PreIncrementExpression)
                || expression.IsKind(SyntaxKind.PreDecrementExpression)
                || expression.IsKind(SyntaxKind.PostIncrementExpression)
                || expression.IsKind(SyntaxKind.PostDecrementExpression);

        private static string? RightmostName(ExpressionSyntax expression)
            => expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
                MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
                _ => null,
            };
    }
}
