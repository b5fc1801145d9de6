using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
{
    /// <summary>
    /// A class with a primary constructor has no constructor body to register a hook in, and another constructor
    /// would have to chain to it. The fix turns the primary constructor into an ordinary one: the parameters that
    /// members use become fields of the same name, the initializers that read parameters move into the constructor
    /// body (in declaration order), the base arguments become its <c>base(...)</c> call, and the hook is registered
    /// at the end of its body. Records, structs, partial classes and <c>[method: ...]</c> attributes are left alone.
    /// </summary>
    internal sealed class PrimaryConstructorConversion
    {
        private readonly ImmutableArray<(string Name, bool Written)> _captured;
        private readonly ImmutableHashSet<string> _moved;

        private PrimaryConstructorConversion(ImmutableArray<(string Name, bool Written)> captured, ImmutableHashSet<string> moved)
        {
            _captured = captured;
            _moved = moved;
        }

        public static bool HasPrimaryConstructor(INamedTypeSymbol type)
            => type.InstanceConstructors.Any(c => c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax));

        /// <summary>The conversion of <paramref name="declaration"/>, or null when its shape is one the fix leaves alone.</summary>
        public static PrimaryConstructorConversion? Create(INamedTypeSymbol type, ClassDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
        {
            if (declaration.ParameterList is not { } parameters
                || parameters.Parameters.Any(p => p.Type == null || p.Identifier.IsMissing)
                || declaration.ContainsDiagnostics
                || type.DeclaringSyntaxReferences.Length != 1
                || declaration.AttributeLists.Any(a => a.Target?.Identifier.IsKind(SyntaxKind.MethodKeyword) == true)
                || parameters.Parameters.Any(p => p.Modifiers.Any(m => m.IsKind(SyntaxKind.RefKeyword) || m.IsKind(SyntaxKind.OutKeyword) || m.IsKind(SyntaxKind.InKeyword) || m.IsKind(SyntaxKind.ThisKeyword))))
            {
                return null;
            }

            var constructor = type.InstanceConstructors.FirstOrDefault(c => c.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) == declaration));
            if (constructor == null)
            {
                return null;
            }

            var memberNames = new HashSet<string>(type.GetMembers().Where(m => !m.IsImplicitlyDeclared && m is not IMethodSymbol { MethodKind: MethodKind.Constructor }).Select(m => m.Name));
            var captured = new Dictionary<string, bool>();
            var moved = ImmutableHashSet.CreateBuilder<string>();
            foreach (var parameter in constructor.Parameters)
            {
                if (memberNames.Contains(parameter.Name))
                {
                    return null;
                }
            }

            foreach (var identifier in declaration.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is not IParameterSymbol parameter
                    || !constructor.Parameters.Contains(parameter, SymbolEqualityComparer.Default))
                {
                    continue;
                }

                if (identifier.Ancestors().Any(a => a is PrimaryConstructorBaseTypeSyntax))
                {
                    continue;
                }

                var initialized = InitializedMember(identifier);
                if (initialized != null)
                {
                    if (initialized is EventFieldDeclarationSyntax)
                    {
                        return null;
                    }

                    foreach (var name in InitializedNames(identifier))
                    {
                        moved.Add(name);
                    }

                    continue;
                }

                captured[parameter.Name] = (captured.TryGetValue(parameter.Name, out var written) && written) || IsWritten(identifier);
            }

            var order = constructor.Parameters.Select(p => p.Name).ToList();
            return new PrimaryConstructorConversion(
                captured.OrderBy(c => order.IndexOf(c.Key)).Select(c => (c.Key, c.Value)).ToImmutableArray(),
                moved.ToImmutable());
        }

        /// <summary>
        /// The class with an ordinary constructor in place of its primary constructor, <paramref name="statements"/> at
        /// the end of the new constructor's body.
        /// </summary>
        public TypeDeclarationSyntax Apply(TypeDeclarationSyntax current, IReadOnlyList<StatementSyntax> statements, string newLine)
        {
            if (current.ParameterList is not { } parameters)
            {
                return current;
            }

            var endOfLine = SyntaxFactory.EndOfLine(newLine);
            var body = new List<StatementSyntax>();
            foreach (var (name, _) in _captured)
            {
                body.Add(SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.ThisExpression(), SyntaxFactory.IdentifierName(name)),
                    SyntaxFactory.IdentifierName(name))));
            }

            // Initializers that read parameters run in the constructor body now, in declaration order.
            var members = new List<MemberDeclarationSyntax>();
            foreach (var member in current.Members)
            {
                switch (member)
                {
                    case FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword):
                        var variables = field.Declaration.Variables;
                        foreach (var variable in field.Declaration.Variables)
                        {
                            if (variable.Initializer != null && _moved.Contains(variable.Identifier.ValueText))
                            {
                                body.Add(Assignment(variable.Identifier.ValueText, variable.Initializer.Value));
                                variables = variables.Replace(variables.First(v => v.Identifier.ValueText == variable.Identifier.ValueText), variable.WithInitializer(null).WithIdentifier(variable.Identifier.WithTrailingTrivia()));
                            }
                        }

                        members.Add(field.WithDeclaration(field.Declaration.WithVariables(variables)));
                        break;

                    case PropertyDeclarationSyntax { Initializer: { } initializer } property
                        when !property.Modifiers.Any(SyntaxKind.StaticKeyword) && _moved.Contains(property.Identifier.ValueText):
                        body.Add(Assignment(property.Identifier.ValueText, initializer.Value));
                        var accessors = property.AccessorList!;
                        members.Add(property
                            .WithAccessorList(accessors.WithCloseBraceToken(accessors.CloseBraceToken.WithTrailingTrivia(property.SemicolonToken.TrailingTrivia)))
                            .WithInitializer(null)
                            .WithSemicolonToken(default));
                        break;

                    default:
                        members.Add(member);
                        break;
                }
            }

            body.AddRange(statements);

            // The base list without the base arguments, which the constructor passes on.
            ArgumentListSyntax? baseArguments = null;
            var baseList = current.BaseList;
            if (baseList != null)
            {
                var types = baseList.Types.Select(t =>
                {
                    if (t is PrimaryConstructorBaseTypeSyntax primary)
                    {
                        baseArguments = primary.ArgumentList;
                        return (BaseTypeSyntax)SyntaxFactory.SimpleBaseType(primary.Type).WithTriviaFrom(primary);
                    }

                    return t;
                });
                baseList = baseList.WithTypes(SyntaxFactory.SeparatedList(types, baseList.Types.GetSeparators()));
            }

            var accessibility = current.Modifiers.Any(SyntaxKind.AbstractKeyword) ? SyntaxKind.ProtectedKeyword : SyntaxKind.PublicKeyword;
            var constructor = SyntaxFactory.ConstructorDeclaration(current.Identifier.WithoutTrivia())
                .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(accessibility)))
                .WithParameterList(parameters.WithoutTrivia())
                .WithBody(HookBody.LinedBlock(body, newLine));
            if (baseArguments != null)
            {
                constructor = constructor.WithInitializer(SyntaxFactory.ConstructorInitializer(SyntaxKind.BaseConstructorInitializer, baseArguments.WithoutTrivia()));
            }

            // Fields for the parameters members use, first; the constructor after the fields and properties.
            var fields = _captured.Where(c => parameters.Parameters.Any(p => p.Identifier.ValueText == c.Name && p.Type != null)).Select(c => (MemberDeclarationSyntax)SyntaxFactory.FieldDeclaration(
                    SyntaxFactory.VariableDeclaration(
                        TypeOf(parameters, c.Name),
                        SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(c.Name))))
                .WithModifiers(c.Written
                    ? SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword))
                    : SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PrivateKeyword), SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword)))
                .WithTrailingTrivia(endOfLine)
                .WithAdditionalAnnotations(Formatter.Annotation))
                .ToList();
            var index = -1;
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i] is FieldDeclarationSyntax || members[i] is PropertyDeclarationSyntax || members[i] is EventFieldDeclarationSyntax)
                {
                    index = i;
                }
            }

            constructor = (index >= 0 || fields.Count > 0
                    ? constructor.WithLeadingTrivia(endOfLine).WithTrailingTrivia(endOfLine)
                    : constructor.WithTrailingTrivia(endOfLine, endOfLine))
                .WithAdditionalAnnotations(Formatter.Annotation);
            members.Insert(index + 1, constructor);
            members.InsertRange(0, fields);

            // The parameter list's trailing trivia (the line break before the brace) goes to what now ends the header.
            var trailing = parameters.GetTrailingTrivia();
            var result = current.WithParameterList(null).WithBaseList(baseList).WithMembers(SyntaxFactory.List(members));
            if (baseList == null && current.TypeParameterList == null && !current.ConstraintClauses.Any())
            {
                result = result.WithIdentifier(result.Identifier.WithTrailingTrivia(trailing));
            }

            return result.WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static StatementSyntax Assignment(string member, ExpressionSyntax value)
            => SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member), value.WithoutTrivia()));

        private static TypeSyntax TypeOf(ParameterListSyntax parameters, string name)
            => parameters.Parameters.First(p => p.Identifier.ValueText == name).Type!.WithoutTrivia();

        /// <summary>The field, property or event declaration whose initializer holds <paramref name="node"/>.</summary>
        private static MemberDeclarationSyntax? InitializedMember(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax:
                    case LocalFunctionStatementSyntax:
                    case AccessorDeclarationSyntax:
                    case ArrowExpressionClauseSyntax:
                    case BaseMethodDeclarationSyntax:
                        return null;
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: BaseFieldDeclarationSyntax field } } }:
                        return field;
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                        return property;
                }
            }

            return null;
        }

        private static IEnumerable<string> InitializedNames(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                        return new[] { declarator.Identifier.ValueText };
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                        return new[] { property.Identifier.ValueText };
                }
            }

            return Enumerable.Empty<string>();
        }

        private static bool IsWritten(IdentifierNameSyntax identifier)
        {
            var node = (ExpressionSyntax)identifier;
            return node.Parent switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left == node,
                PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression),
                PostfixUnaryExpressionSyntax => true,
                ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
                _ => false,
            };
        }
    }
}
