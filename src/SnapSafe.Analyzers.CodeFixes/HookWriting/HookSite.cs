using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
{
    internal enum HookSiteKind
    {
        /// <summary>The end of a body written in source: a constructor, a static constructor, or a method init runs once.</summary>
        Body,

        /// <summary>A type with no constructor of the needed kind: the fix declares one.</summary>
        NewConstructor,

        /// <summary>A class with a primary constructor: the fix turns it into an ordinary constructor that takes the statements.</summary>
        PrimaryConstructor,

        /// <summary>Top-level statements or <c>Main</c>: right before the statement that starts the runtime.</summary>
        EntryPoint,

        /// <summary>Right after a statement of init code (the registration of the hook a registration was nested in).</summary>
        AfterStatement,
    }

    /// <summary>
    /// A place where init code runs once and a hook registration can be made. The one vocabulary of the fixes' hook
    /// sites, found from the contract's <see cref="HookHost"/>: the constructors of a type (or a new one), its static
    /// constructor, the entry point before the runtime starts, a method init runs once, or the place right after an
    /// existing registration.
    /// </summary>
    internal sealed class HookSite
    {
        private HookSite(HookSiteKind kind, Document document, SyntaxNode node, bool isStatic, INamedTypeSymbol? type, PrimaryConstructorConversion? conversion = null)
        {
            Kind = kind;
            Document = document;
            Node = node;
            IsStatic = isStatic;
            Type = type;
            Conversion = conversion;
        }

        public HookSiteKind Kind { get; }

        public Document Document { get; }

        /// <summary>
        /// The constructor or method declaration, the type declaration that receives a constructor, the statement that
        /// starts the runtime (a <see cref="GlobalStatementSyntax"/> in top-level code), or the statement to follow.
        /// </summary>
        public SyntaxNode Node { get; }

        public bool IsStatic { get; }

        /// <summary>The type whose constructor or method hosts the hook; null for an entry point.</summary>
        public INamedTypeSymbol? Type { get; }

        public PrimaryConstructorConversion? Conversion { get; }

        public (HookSiteKind, DocumentId, int, bool) Key => (Kind, Document.Id, Node.SpanStart, IsStatic);

        /// <summary>Where the site's statements will be, for name lookup.</summary>
        public int NewHookPosition => Node switch
        {
            BaseMethodDeclarationSyntax { Body: { } body } => HookBody.AppendPosition(body),
            BaseMethodDeclarationSyntax method => method.ExpressionBody!.Expression.GetLastToken().SpanStart,
            TypeDeclarationSyntax type => type.OpenBraceToken.Span.End,
            _ when Kind == HookSiteKind.AfterStatement => Node.GetLastToken().SpanStart,
            _ => Node.SpanStart,
        };

        /// <summary>
        /// The end of a constructor's or method's body, when every path through it reaches there: a block with no
        /// return but a trailing one, or an expression body that can stand as a statement.
        /// </summary>
        public static HookSite? ForBody(Document document, BaseMethodDeclarationSyntax declaration, INamedTypeSymbol type)
        {
            if (declaration.Body is { } body)
            {
                var returns = HookBody.ReturnsOf(body);
                if (returns.Count > 1 || (returns.Count == 1 && (returns[0] != body.Statements.LastOrDefault() || returns[0].Expression != null)))
                {
                    return null;
                }

                if (body.DescendantNodes(n => !(n is AnonymousFunctionExpressionSyntax || n is LocalFunctionStatementSyntax)).Any(n => n is YieldStatementSyntax || n is GotoStatementSyntax))
                {
                    return null;
                }
            }
            else if (declaration.ExpressionBody is not { } arrow || !CanStandAlone(declaration, arrow.Expression))
            {
                return null;
            }

            return new HookSite(HookSiteKind.Body, document, declaration, declaration.Modifiers.Any(SyntaxKind.StaticKeyword), type);
        }

        public static HookSite ForEntryPoint(Document document, SyntaxNode runStatement)
            => new HookSite(HookSiteKind.EntryPoint, document, runStatement, isStatic: false, type: null);

        public static HookSite ForStatement(Document document, StatementSyntax statement, INamedTypeSymbol? type, bool isStatic)
            => new HookSite(HookSiteKind.AfterStatement, document, statement, isStatic, type);

        /// <summary>
        /// The sites that run a type's initializers: every instance constructor that does not chain to <c>this(...)</c>
        /// (or a new one, or the converted primary constructor), or the static constructor (or a new one). Default when
        /// one of them cannot take a statement at its end.
        /// </summary>
        public static async Task<ImmutableArray<HookSite>> OfTypeAsync(INamedTypeSymbol type, bool isStatic, FixSession session)
        {
            if (type.TypeKind != TypeKind.Class)
            {
                return default;
            }

            if (isStatic)
            {
                var existing = type.StaticConstructors.FirstOrDefault(c => !c.IsImplicitlyDeclared);
                if (existing == null)
                {
                    return NewConstructor(type, isStatic: true, session);
                }

                var site = ConstructorSyntax(existing, session) is { } found ? ForBody(found.Document, found.Syntax, type) : null;
                return site == null ? default : ImmutableArray.Create(site);
            }

            if (PrimaryConstructorConversion.HasPrimaryConstructor(type))
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(session.CancellationToken) is ClassDeclarationSyntax { ParameterList: not null } declaration
                        && session.DocumentOf(reference.SyntaxTree) is { } document)
                    {
                        var model = await session.ModelAsync(document).ConfigureAwait(false);
                        var conversion = PrimaryConstructorConversion.Create(type, declaration, model, session.CancellationToken);
                        return conversion == null
                            ? default
                            : ImmutableArray.Create(new HookSite(HookSiteKind.PrimaryConstructor, document, declaration, isStatic: false, type, conversion));
                    }
                }

                return default;
            }

            var explicitConstructors = type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared).ToList();
            if (explicitConstructors.Count == 0)
            {
                return NewConstructor(type, isStatic: false, session);
            }

            var sites = ImmutableArray.CreateBuilder<HookSite>();
            foreach (var constructor in explicitConstructors)
            {
                if (ConstructorSyntax(constructor, session) is not { } found)
                {
                    return default;
                }

                if (found.Syntax.Initializer is { } initializer && initializer.IsKind(SyntaxKind.ThisConstructorInitializer))
                {
                    continue;
                }

                var site = ForBody(found.Document, found.Syntax, type);
                if (site == null)
                {
                    return default;
                }

                sites.Add(site);
            }

            return sites.ToImmutable();
        }

        /// <summary>
        /// The entry point site: right before the statement that starts the runtime (the contract's
        /// <see cref="FixRequest.RuntimeStart"/>, or the diagnostic's first additional location).
        /// </summary>
        public static HookSite? OfEntryPoint(Document document, SyntaxNode root, Diagnostic diagnostic)
        {
            TextSpan span;
            if (FixRequest.Read(diagnostic.Properties).RuntimeStart is { } start)
            {
                span = start;
            }
            else if (diagnostic.AdditionalLocations.Count > 0 && diagnostic.AdditionalLocations[0].SourceTree == root.SyntaxTree)
            {
                span = diagnostic.AdditionalLocations[0].SourceSpan;
            }
            else
            {
                return null;
            }

            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            var run = EntryStatementOf(root.FindNode(span, getInnermostNodeForTie: true));
            return run == null ? null : ForEntryPoint(document, run);
        }

        /// <summary>
        /// The statement of the entry point's outermost statement list that contains <paramref name="node"/>: a
        /// <see cref="GlobalStatementSyntax"/> in top-level code, a statement of the method's body block otherwise.
        /// </summary>
        public static SyntaxNode? EntryStatementOf(SyntaxNode node)
        {
            for (var current = node; current != null; current = current.Parent)
            {
                if (current is GlobalStatementSyntax)
                {
                    return current;
                }

                if (current is StatementSyntax && current.Parent is BlockSyntax { Parent: BaseMethodDeclarationSyntax })
                {
                    return current;
                }

                if (current is MemberDeclarationSyntax || current is AnonymousFunctionExpressionSyntax || current is LocalFunctionStatementSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="statement"/> (an entry statement) runs before this site's runtime start, in the same list.</summary>
        public bool PrecedesRun(SyntaxNode statement)
            => Kind == HookSiteKind.EntryPoint && statement.Parent == Node.Parent && statement.SpanStart < Node.SpanStart;

        /// <summary>The statements of this site's body that an existing registration may be, last first.</summary>
        public IEnumerable<StatementSyntax> ExistingStatements()
        {
            switch (Node)
            {
                case BaseMethodDeclarationSyntax { Body: { } body }:
                    return body.Statements.Reverse();
                case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                    return unit.Members.OfType<GlobalStatementSyntax>().Where(g => g.SpanStart < global.SpanStart).Select(g => g.Statement).Reverse();
                case StatementSyntax statement when Kind == HookSiteKind.EntryPoint && statement.Parent is BlockSyntax block:
                    return block.Statements.Where(s => s.SpanStart < statement.SpanStart).Reverse();
                default:
                    return Enumerable.Empty<StatementSyntax>();
            }
        }

        /// <summary>Records the edit that adds <paramref name="statements"/> (in order) at this site.</summary>
        public void Append(DocumentEditor editor, IReadOnlyList<StatementSyntax> statements, string newLine)
        {
            if (statements.Count == 0)
            {
                return;
            }

            switch (Kind)
            {
                case HookSiteKind.Body:
                    editor.ReplaceNode(Node, (current, _) => AppendToBody((BaseMethodDeclarationSyntax)current, statements, newLine));
                    break;

                case HookSiteKind.NewConstructor:
                    editor.ReplaceNode(Node, (current, _) => AddConstructor((TypeDeclarationSyntax)current, IsStatic, statements, newLine));
                    break;

                case HookSiteKind.PrimaryConstructor:
                    editor.ReplaceNode(Node, (current, _) => Conversion!.Apply((TypeDeclarationSyntax)current, statements.Select(s => HookBody.OnOwnLine(s, newLine)).ToList(), newLine));
                    break;

                case HookSiteKind.EntryPoint:
                    editor.InsertBefore(Node, statements.Select(statement => Node is GlobalStatementSyntax
                        ? SyntaxFactory.GlobalStatement(HookBody.OnOwnLine(statement, newLine)).WithLeadingTrivia(SyntaxFactory.TriviaList()).WithAdditionalAnnotations(Formatter.Annotation)
                        : (SyntaxNode)HookBody.OnOwnLine(statement, newLine)));
                    break;

                case HookSiteKind.AfterStatement:
                    editor.InsertAfter(Node, statements.Select(statement => Node.Parent is GlobalStatementSyntax
                        ? SyntaxFactory.GlobalStatement(HookBody.OnOwnLine(statement, newLine)).WithAdditionalAnnotations(Formatter.Annotation)
                        : (SyntaxNode)HookBody.OnOwnLine(statement, newLine).WithAdditionalAnnotations(Formatter.Annotation)));
                    break;
            }
        }

        /// <summary>The statements go at the end of the body, after the initialization they repeat (before a trailing <c>return;</c>).</summary>
        internal static BaseMethodDeclarationSyntax AppendToBody(BaseMethodDeclarationSyntax declaration, IReadOnlyList<StatementSyntax> added, string newLine)
        {
            var lines = added.Select(s => HookBody.OnOwnLine(s, newLine)).ToList();
            if (declaration.Body is { } body)
            {
                var statements = body.Statements;
                var index = statements.LastOrDefault() is ReturnStatementSyntax ? statements.Count - 1 : statements.Count;
                var newBody = body.WithStatements(statements.InsertRange(index, lines));
                return declaration.WithBody(statements.Count == 0 ? newBody.WithAdditionalAnnotations(Formatter.Annotation) : newBody);
            }

            var expression = declaration.ExpressionBody!.Expression.WithoutTrivia();
            var block = HookBody.LinedBlock(new StatementSyntax[] { SyntaxFactory.ExpressionStatement(expression) }.Concat(lines), newLine);
            block = block.WithCloseBraceToken(block.CloseBraceToken.WithTrailingTrivia(declaration.SemicolonToken.TrailingTrivia));
            return declaration
                .WithParameterList(declaration.ParameterList.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine)))
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithBody(block)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>
        /// <c>public TypeName() { ... }</c> (<c>protected</c> in an abstract class) or <c>static TypeName() { ... }</c>,
        /// after the type's fields and properties (and, for an instance constructor, its other constructors).
        /// </summary>
        internal static TypeDeclarationSyntax AddConstructor(TypeDeclarationSyntax type, bool isStatic, IReadOnlyList<StatementSyntax> statements, string newLine)
        {
            var accessibility = isStatic ? SyntaxKind.StaticKeyword
                : type.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword
                : SyntaxKind.PublicKeyword;
            var constructor = SyntaxFactory.ConstructorDeclaration(type.Identifier.WithoutTrivia())
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(accessibility)))
                .WithParameterList(SyntaxFactory.ParameterList())
                .WithBody(HookBody.LinedBlock(statements, newLine));

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

        /// <summary>An expression body that the block form can run as a statement before the new ones.</summary>
        private static bool CanStandAlone(BaseMethodDeclarationSyntax declaration, ExpressionSyntax expression)
        {
            var returnsValue = declaration is MethodDeclarationSyntax method
                && !(method.ReturnType is PredefinedTypeSyntax predefined && predefined.Keyword.IsKind(SyntaxKind.VoidKeyword))
                && !method.Modifiers.Any(SyntaxKind.AsyncKeyword);
            return !returnsValue && HookBody.IsStatementExpression(expression);
        }

        private static ImmutableArray<HookSite> NewConstructor(INamedTypeSymbol type, bool isStatic, FixSession session)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(session.CancellationToken) is TypeDeclarationSyntax declaration && session.DocumentOf(reference.SyntaxTree) is { } document)
                {
                    return ImmutableArray.Create(new HookSite(HookSiteKind.NewConstructor, document, declaration, isStatic, type));
                }
            }

            return default;
        }

        private static (ConstructorDeclarationSyntax Syntax, Document Document)? ConstructorSyntax(IMethodSymbol constructor, FixSession session)
        {
            var reference = constructor.DeclaringSyntaxReferences.FirstOrDefault();
            if (reference?.GetSyntax(session.CancellationToken) is ConstructorDeclarationSyntax syntax && session.DocumentOf(reference.SyntaxTree) is { } document)
            {
                return (syntax, document);
            }

            return null;
        }
    }
}
