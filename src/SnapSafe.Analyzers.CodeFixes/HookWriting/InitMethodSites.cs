using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
{
    /// <summary>
    /// Where a hook for code in a method that runs during init (<see cref="HookHost.InitMethod"/>) can be registered
    /// so that it is registered once: the method is called from exactly one place, a whole statement of a
    /// constructor, of the entry point or of another such method (awaited or waited on when it is asynchronous, so
    /// that its end is still init), or not from source at all (a setup method the programming model calls once, such
    /// as <c>ConfigureServices</c>). The hook can then go at the end of the method, or where the chain of calls starts.
    /// </summary>
    internal static class InitMethodSites
    {
        private const int MaxDepth = 4;

        /// <summary>The sites, innermost first: the method itself, then each caller up to the constructor or entry point.</summary>
        public static async Task<IReadOnlyList<HookSite>> OfAsync(MethodDeclarationSyntax method, Document document, FixSession session, SyntaxNode? runStatement)
        {
            var sites = new List<HookSite>();
            var currentMethod = method;
            var currentDocument = document;
            for (var depth = 0; depth < MaxDepth; depth++)
            {
                var model = await session.ModelAsync(currentDocument).ConfigureAwait(false);
                if (model.GetDeclaredSymbol(currentMethod, session.CancellationToken) is not { } symbol
                    || symbol.MethodKind != MethodKind.Ordinary || symbol.IsVirtual || symbol.IsOverride || symbol.IsAbstract
                    || !symbol.ExplicitInterfaceImplementations.IsEmpty || symbol.DeclaringSyntaxReferences.Length != 1
                    || symbol.ContainingType is not { TypeKind: TypeKind.Class } type
                    || IsInterfaceImplementation(symbol))
                {
                    break;
                }

                if (HookSite.ForBody(currentDocument, currentMethod, type) is { } own)
                {
                    sites.Add(own);
                }
                else
                {
                    break;
                }

                var references = (await SymbolFinder.FindReferencesAsync(symbol, session.Solution, session.CancellationToken).ConfigureAwait(false))
                    .SelectMany(r => r.Locations)
                    .ToList();
                if (references.Count == 0)
                {
                    // Called by the runtime or a generated wrapper, once: the model's setup code.
                    break;
                }

                if (references.Count != 1 || references[0].Document is not { } callerDocument)
                {
                    return sites.Take(0).ToList();
                }

                var callerRoot = await callerDocument.GetSyntaxRootAsync(session.CancellationToken).ConfigureAwait(false);
                var reference = callerRoot?.FindNode(references[0].Location.SourceSpan, getInnermostNodeForTie: true);
                if (reference == null || CallStatement(reference, symbol) is not { } call)
                {
                    return sites.Take(0).ToList();
                }

                // The caller: a constructor, the entry point, or a method of the same kind.
                switch (call.Body)
                {
                    case ConstructorDeclarationSyntax constructor:
                        var callerModel = await session.ModelAsync(callerDocument).ConfigureAwait(false);
                        if (callerModel.GetDeclaredSymbol(constructor, session.CancellationToken)?.ContainingType is { TypeKind: TypeKind.Class } owner
                            && HookSite.ForBody(callerDocument, constructor, owner) is { } constructorSite)
                        {
                            sites.Add(constructorSite);
                        }

                        return sites;

                    case MethodDeclarationSyntax caller when IsEntryPoint(caller):
                    case CompilationUnitSyntax:
                        if (runStatement != null && runStatement.SyntaxTree == call.Statement.SyntaxTree
                            && HookSite.EntryStatementOf(runStatement) is { } run && run.Parent == EntryStatement(call.Statement).Parent
                            && EntryStatement(call.Statement).SpanStart < run.SpanStart)
                        {
                            sites.Add(HookSite.ForEntryPoint(callerDocument, run));
                        }

                        return sites;

                    case MethodDeclarationSyntax caller:
                        currentMethod = caller;
                        currentDocument = callerDocument;
                        continue;

                    default:
                        return sites;
                }
            }

            return sites;
        }

        /// <summary>
        /// The statement that calls the method, when it is a whole statement at the top level of a body: <c>M();</c>,
        /// <c>await M();</c>, <c>M().GetAwaiter().GetResult();</c>, <c>M().Wait();</c>, <c>var x = M();</c>, or the
        /// expression body of a constructor; an asynchronous method must be awaited or waited on.
        /// </summary>
        private static (StatementSyntax Statement, SyntaxNode Body)? CallStatement(SyntaxNode reference, IMethodSymbol method)
        {
            var invocation = reference.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            if (invocation == null || !(invocation.Expression.Span.Contains(reference.Span)))
            {
                return null;
            }

            var isAsync = method.IsAsync || method.ReturnType.Name is "Task" or "ValueTask";
            var blocked = false;
            SyntaxNode current = invocation;
            while (true)
            {
                switch (current.Parent)
                {
                    case AwaitExpressionSyntax await:
                        blocked = true;
                        current = await;
                        continue;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" or "ConfigureAwait" } access when access.Expression == current && access.Parent is InvocationExpressionSyntax inner:
                        current = inner;
                        continue;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetResult" or "Wait" } access when access.Expression == current && access.Parent is InvocationExpressionSyntax waited:
                        blocked = true;
                        current = waited;
                        continue;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result when result.Expression == current:
                        blocked = true;
                        current = result;
                        continue;
                }

                break;
            }

            if (isAsync && !blocked)
            {
                return null;
            }

            switch (current.Parent)
            {
                case ExpressionStatementSyntax statement:
                    return BodyOf(statement) is { } body ? (statement, body) : ((StatementSyntax, SyntaxNode)?)null;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax declaration } } }:
                    return BodyOf(declaration) is { } declared ? (declaration, declared) : ((StatementSyntax, SyntaxNode)?)null;
                case ArrowExpressionClauseSyntax { Parent: ConstructorDeclarationSyntax constructor }:
                    return (SyntaxFactory.ExpressionStatement((ExpressionSyntax)current), constructor);
                default:
                    return null;
            }
        }

        /// <summary>The constructor, method or compilation unit whose outermost statements hold <paramref name="statement"/>.</summary>
        private static SyntaxNode? BodyOf(StatementSyntax statement)
            => statement.Parent switch
            {
                BlockSyntax { Parent: ConstructorDeclarationSyntax or MethodDeclarationSyntax } block => block.Parent,
                GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit,
                _ => null,
            };

        private static SyntaxNode EntryStatement(StatementSyntax statement)
            => statement.Parent is GlobalStatementSyntax global ? global : (SyntaxNode)statement;

        private static bool IsEntryPoint(MethodDeclarationSyntax method)
            => method.Identifier.ValueText == "Main" && method.Modifiers.Any(SyntaxKind.StaticKeyword);

        private static bool IsInterfaceImplementation(IMethodSymbol method)
        {
            foreach (var contract in method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(contract), method))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
