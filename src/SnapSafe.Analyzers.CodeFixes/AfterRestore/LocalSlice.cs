using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>
    /// The statements of init code a re-initialization needs besides its store, when the store reads locals of the
    /// body it is in (a client created in a local, then the fetch through it). A local the hook can simply capture
    /// (a client, a request) is captured: the hook is registered in the same body, after it. A local that carries the
    /// hazard (<c>var entry = Dns.GetHostEntry(...)</c>, a buffer <c>RandomNumberGenerator.Fill</c> filled), that is
    /// disposed when the body ends (<c>using var</c>) or after the store, or that cannot be captured (a ref struct) is
    /// computed again in the hook: the statements that declare and write it are repeated there, before the store.
    /// </summary>
    internal sealed class LocalSlice
    {
        private LocalSlice(ImmutableArray<StatementSyntax> statements, ImmutableArray<ILocalSymbol> declared)
        {
            Statements = statements;
            Declared = declared;
        }

        /// <summary>The statements of the body to repeat before the store, in source order.</summary>
        public ImmutableArray<StatementSyntax> Statements { get; }

        /// <summary>The locals those statements declare (inside the hook they shadow the body's).</summary>
        public ImmutableArray<ILocalSymbol> Declared { get; }

        public static readonly LocalSlice Empty = new LocalSlice(ImmutableArray<StatementSyntax>.Empty, ImmutableArray<ILocalSymbol>.Empty);

        /// <summary>
        /// The slice for <paramref name="store"/>, a statement of <paramref name="body"/> (the body's statements in
        /// order), whose re-initialization reads <paramref name="used"/>; null when the hazard (at
        /// <paramref name="source"/>) or a local cannot be reproduced in a hook.
        /// </summary>
        public static LocalSlice? Of(
            SemanticModel model,
            IReadOnlyList<StatementSyntax> body,
            StatementSyntax store,
            IEnumerable<SyntaxNode> used,
            TextSpan? source,
            CancellationToken cancellationToken)
        {
            var index = IndexOf(body, store);
            if (index < 0)
            {
                return null;
            }

            var facts = body.Select(s => StatementFacts.Of(model, s, cancellationToken)).ToList();

            // Locals the hazard flows into before the store.
            var tainted = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var sourceInBody = source is { } span && body.Count > 0 && TextSpan.FromBounds(body[0].SpanStart, body[body.Count - 1].Span.End).Contains(span);
            for (var i = 0; i < index; i++)
            {
                if ((source is { } s && body[i].Span.Contains(s)) || facts[i].Reads.Overlaps(tainted))
                {
                    tainted.UnionWith(facts[i].Writes);
                }
            }

            var needed = new Queue<ILocalSymbol>(LocalsRead(model, used, cancellationToken));
            var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var included = new SortedSet<int>();
            while (needed.Count > 0)
            {
                var local = needed.Dequeue();
                if (!seen.Add(local))
                {
                    continue;
                }

                var declaredAt = facts.FindIndex(f => f.Declares.Contains(local));
                if (declaredAt < 0 || declaredAt >= index)
                {
                    // Declared in a nested block, a pattern of the store, or after it: not something a hook can see.
                    if (IsDeclaredIn(local, store))
                    {
                        continue;
                    }

                    return null;
                }

                if (!MustRecompute(local, facts, index, tainted, body, cancellationToken))
                {
                    continue;
                }

                for (var i = declaredAt; i < index; i++)
                {
                    if (facts[i].Writes.Contains(local) || facts[i].Declares.Contains(local))
                    {
                        if (!(body[i] is LocalDeclarationStatementSyntax || body[i] is ExpressionStatementSyntax) || facts[i].HasLambda)
                        {
                            return null;
                        }

                        included.Add(i);
                        foreach (var read in facts[i].Reads)
                        {
                            needed.Enqueue(read);
                        }
                    }
                }
            }

            // The hazard must be in what the hook runs: the store itself or a repeated statement.
            if (sourceInBody && source is { } hazard && !store.Span.Contains(hazard) && !included.Any(i => body[i].Span.Contains(hazard)))
            {
                return null;
            }

            var statements = included.Select(i => body[i]).ToImmutableArray();
            var declared = included.SelectMany(i => facts[i].Declares).Distinct<ILocalSymbol>(SymbolEqualityComparer.Default).ToImmutableArray();
            if (declared.Length > 0 && ((CSharpParseOptions)store.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp8)
            {
                // A lambda's locals may shadow the enclosing method's only since C# 8.
                return null;
            }

            return new LocalSlice(statements, declared);
        }

        /// <summary>The locals a piece of code reads, declared outside it.</summary>
        public static IEnumerable<ILocalSymbol> LocalsRead(SemanticModel model, IEnumerable<SyntaxNode> nodes, CancellationToken cancellationToken)
        {
            foreach (var node in nodes)
            {
                foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol local && !IsDeclaredIn(local, node))
                    {
                        yield return local;
                    }
                }
            }
        }

        private static bool MustRecompute(ILocalSymbol local, List<StatementFacts> facts, int storeIndex, HashSet<ILocalSymbol> tainted, IReadOnlyList<StatementSyntax> body, CancellationToken cancellationToken)
        {
            if (tainted.Contains(local) || local.IsUsing || local.Type.IsRefLikeType || local.IsRef || local.IsConst || local.IsFixed)
            {
                return true;
            }

            // Written, disposed or closed after the store: the hook would see that, not the value init used.
            for (var i = storeIndex + 1; i < facts.Count; i++)
            {
                if (facts[i].Writes.Contains(local) && !facts[i].OnlyMutates.Contains(local))
                {
                    return true;
                }

                if (facts[i].Releases.Contains(local))
                {
                    return true;
                }
            }

            // A using statement's resource is disposed when its block ends.
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken).Ancestors().Any(a => a is UsingStatementSyntax))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDeclaredIn(ILocalSymbol local, SyntaxNode node)
            => local.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == node.SyntaxTree && node.Span.Contains(r.Span));

        private static int IndexOf(IReadOnlyList<StatementSyntax> body, StatementSyntax store)
        {
            for (var i = 0; i < body.Count; i++)
            {
                if (body[i] == store)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>What one statement does with locals.</summary>
        private sealed class StatementFacts
        {
            public HashSet<ILocalSymbol> Declares { get; } = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

            public HashSet<ILocalSymbol> Reads { get; } = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

            /// <summary>Locals assigned, passed by reference, handed to a call (which may fill them) or whose members are set.</summary>
            public HashSet<ILocalSymbol> Writes { get; } = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

            /// <summary>Locals only handed to a call or mutated through a member (the variable still holds the same object).</summary>
            public HashSet<ILocalSymbol> OnlyMutates { get; } = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

            /// <summary>Locals disposed or closed.</summary>
            public HashSet<ILocalSymbol> Releases { get; } = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

            public bool HasLambda { get; private set; }

            public static StatementFacts Of(SemanticModel model, StatementSyntax statement, CancellationToken cancellationToken)
            {
                var facts = new StatementFacts();
                if (statement is LocalDeclarationStatementSyntax declaration)
                {
                    foreach (var variable in declaration.Declaration.Variables)
                    {
                        if (model.GetDeclaredSymbol(variable, cancellationToken) is ILocalSymbol local)
                        {
                            facts.Declares.Add(local);
                            facts.Writes.Add(local);
                        }
                    }
                }

                foreach (var node in statement.DescendantNodes())
                {
                    switch (node)
                    {
                        case AnonymousFunctionExpressionSyntax:
                        case LocalFunctionStatementSyntax:
                            facts.HasLambda = true;
                            break;
                        case SingleVariableDesignationSyntax designation when model.GetDeclaredSymbol(designation, cancellationToken) is ILocalSymbol pattern:
                            facts.Declares.Add(pattern);
                            facts.Writes.Add(pattern);
                            break;
                        case IdentifierNameSyntax identifier when model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol local:
                            facts.Reads.Add(local);
                            Classify(identifier, local, facts);
                            break;
                    }
                }

                return facts;
            }

            private static void Classify(IdentifierNameSyntax identifier, ILocalSymbol local, StatementFacts facts)
            {
                switch (identifier.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == identifier:
                    case PrefixUnaryExpressionSyntax:
                    case PostfixUnaryExpressionSyntax:
                        facts.Writes.Add(local);
                        return;
                    case ArgumentSyntax argument:
                        facts.Writes.Add(local);
                        if (argument.RefKindKeyword.IsKind(SyntaxKind.None))
                        {
                            facts.OnlyMutates.Add(local);
                        }

                        return;
                    case MemberAccessExpressionSyntax access when access.Expression == identifier:
                        if (access.Parent is AssignmentExpressionSyntax memberAssignment && memberAssignment.Left == access)
                        {
                            facts.Writes.Add(local);
                            facts.OnlyMutates.Add(local);
                        }
                        else if (access.Parent is InvocationExpressionSyntax && access.Name.Identifier.ValueText is "Dispose" or "DisposeAsync" or "Close" or "CloseAsync")
                        {
                            facts.Releases.Add(local);
                        }

                        return;
                }
            }
        }
    }
}
