/*
 * The parser of HCL native syntax. Newlines reach this grammar only where they
 * matter (NewlineFilter hides the others): at the end of body items, and
 * between object constructor items.
 */
parser grammar HclParser;

options { tokenVocab = HclLexer; }

// Stray closing braces at the top level are accepted here and reported by the AST builder,
// so the items after them still parse.
configFile : body (RBRACE body)* EOF ;

standaloneExpression : expression EOF ;

standaloneTemplate : templateContent EOF ;

body : (NEWLINE | bodyItem)* ;

bodyItem
    : attribute
    | block
    ;

attribute : name=identifier ASSIGN expression terminator ;

block : type=identifier blockLabel* LBRACE blockContent RBRACE terminator ;

blockContent
    : NEWLINE body
    | oneLineItem?
    ;

oneLineItem
    : name=identifier ASSIGN expression                                        # oneLineAttribute
    | type=identifier blockLabel* LBRACE blockContent RBRACE                    # oneLineNestedBlock
    ;

blockLabel
    : quotedTemplate
    | identifier
    ;

terminator
    : NEWLINE
    | EOF
    ;

expression
    : exprTerm                                                                        # termExpression
    | operator=(MINUS | BANG) expression                                              # unaryExpression
    | left=expression operator=(STAR | SLASH | PERCENT) right=expression              # binaryExpression
    | left=expression operator=(PLUS | MINUS) right=expression                        # binaryExpression
    | left=expression operator=(LESS | LESS_OR_EQUAL | GREATER | GREATER_OR_EQUAL) right=expression # binaryExpression
    | left=expression operator=(EQUAL | NOT_EQUAL) right=expression                   # binaryExpression
    | left=expression operator=AND right=expression                                   # binaryExpression
    | left=expression operator=OR right=expression                                    # binaryExpression
    | <assoc=right> condition=expression QUESTION whenTrue=expression COLON whenFalse=expression # conditionalExpression
    ;

exprTerm : primary postfix* ;

primary
    : NUMBER                                                                          # numberLiteral
    | keyword=(TRUE | FALSE | NULL)                                                   # keywordLiteral
    | name=variableName LPAREN arguments? RPAREN                                      # functionCall
    | variableName                                                                    # variable
    | quotedTemplate                                                                  # quotedTemplateExpression
    | heredocTemplate                                                                 # heredocExpression
    | LBRACKET forIntro value=expression forCondition? RBRACKET                       # forTuple
    | LBRACKET (expression (COMMA expression)* COMMA?)? RBRACKET                      # tuple
    | LBRACE forIntro key=expression FAT_ARROW value=expression ELLIPSIS? forCondition? RBRACE # forObject
    | LBRACE NEWLINE* (objectItem (objectSeparator objectItem | unseparatedObjectItem)* objectSeparator?)? RBRACE # object
    | LPAREN expression RPAREN                                                        # parenthesized
    ;

arguments : expression (COMMA expression)* (COMMA | ELLIPSIS COMMA?)? ;

forIntro : FOR first=identifier (COMMA second=identifier)? IN collection=expression COLON ;

forCondition : IF expression ;

objectItem : key=expression separator=(ASSIGN | COLON) value=expression ;

// An item with a name key right after the previous item's value, its separator forgotten:
// accepted here (a name cannot continue an expression, so this is unambiguous) and
// reported by the AST builder, so one slip does not derail the rest of the object.
unseparatedObjectItem : key=identifier separator=(ASSIGN | COLON) value=expression ;

objectSeparator
    : COMMA NEWLINE*
    | NEWLINE+
    ;

postfix
    : DOT identifier                                                                  # getAttribute
    | DOT NUMBER                                                                      # legacyIndex
    | DOT STAR                                                                        # attributeSplat
    | LBRACKET STAR RBRACKET                                                          # fullSplat
    | LBRACKET expression RBRACKET                                                    # index
    ;

quotedTemplate : OQUOTE templateContent CQUOTE ;

heredocTemplate : HEREDOC_OPEN templateContent HEREDOC_CLOSE ;

templateContent : templateItem* ;

templateItem
    : (QUOTED_LITERAL | HEREDOC_LITERAL | TEMPLATE_LITERAL)                           # templateLiteral
    | INTERP_OPEN expression templateClose                                            # templateInterpolation
    | templateIf                                                                      # templateIfItem
    | templateFor                                                                     # templateForItem
    ;

templateIf
    : ifOpen=DIRECTIVE_OPEN IF expression ifClose=templateClose whenTrue=templateContent
      (elseOpen=DIRECTIVE_OPEN ELSE elseClose=templateClose whenFalse=templateContent)?
      endOpen=DIRECTIVE_OPEN ENDIF endClose=templateClose
    ;

templateFor
    : forOpen=DIRECTIVE_OPEN FOR first=identifier (COMMA second=identifier)? IN expression forClose=templateClose
      templateContent
      endOpen=DIRECTIVE_OPEN ENDFOR endClose=templateClose
    ;

templateClose
    : RBRACE
    | STRIP_RBRACE
    ;

variableName
    : IDENTIFIER
    | FOR
    | IN
    | IF
    | ELSE
    | ENDIF
    | ENDFOR
    ;

identifier
    : variableName
    | TRUE
    | FALSE
    | NULL
    ;
